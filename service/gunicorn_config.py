"""The production server's gunicorn settings, shared by `python -m service` (and
`zh-news-extract serve`) and by a bare `gunicorn 'service:create_app()'` started in
the checkout (whose `gunicorn.conf.py` imports this module).

- `BufferingWorker` (service/buffering_worker.py): requests are read whole in the
  worker's event loop before a thread runs them, so slow or broken senders hold no
  worker and get a 408 problem after ZNE_READ_TIMEOUT_SECONDS;
- 4 threads per worker, so a quick request is answered while a long extraction runs;
- no keep-alive: each request is buffered on its own connection;
- gunicorn's own refusals leave as problems (service/gunicorn_problems.py);
- the app (and its pipeline) is loaded once in the master and the workers forked
  from it (`preload_app`): a worker, first or replacing one that died, answers
  /readyz as soon as it is forked, and the workers share the pipeline's pages
  rather than each loading its own.
"""
from service.gunicorn_problems import install

install()

worker_class = "service.buffering_worker.BufferingWorker"
workers = 2
threads = 4
keepalive = 0
preload_app = True
# The worker's main thread heartbeats while threads extract, so this kills only a
# worker whose loop is stuck; the time budget (ZNE_TIME_BUDGET_SECONDS) ends requests.
timeout = 30
graceful_timeout = 15
control_socket_disable = True  # several servers on one machine must not share one
