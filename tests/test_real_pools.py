"""The pools the README reports (scripts/real_pools.py) on a small run written here by hand."""
from scripts.real_pools import diff_lines, f1, in_group, members, pool_line


def article(name, tp, fp, fn, primary=True, speaker=(1, 2), misses=None):
    return {"name": name, "scores": {"events": {"tp": tp, "fp": fp, "fn": fn}},
            "primary_right": primary, "speaker_right": speaker[0], "speaker_total": speaker[1],
            "role_right": 0, "role_total": 0, "employer_right": 0, "employer_total": 0,
            "misses": misses or {}}


HELD = ("real60",)
RUN = {
    "real": {"dev": [article("a", 1, 0, 0)], "test": [article("b", 0, 1, 0, primary=False)]},
    "real20": {"dev": [article("c", 2, 0, 2)], "test": [article("d", 1, 1, 0, primary=None)]},
    "real60": {"dev": [article("e", 5, 0, 0)], "test": [article("f", 0, 0, 5)]},
}


def names(group):
    return sorted(a["name"] for _, _, a in members(RUN, group, HELD))


def test_read_takes_early_sets_whole_and_later_test_parts():
    assert names("READ") == ["a", "b", "d"]


def test_check_takes_only_later_dev_parts_and_never_a_held_set():
    assert names("CHECK") == ["c"]


def test_held_groups_take_only_held_sets():
    assert names("HELD") == ["e", "f"]
    assert names("HELDdev") == ["e"] and names("HELDtest") == ["f"]


def test_a_set_or_part_by_name():
    assert in_group("real20:test", "real20", "test", HELD)
    assert not in_group("real20:test", "real20", "dev", HELD)
    assert names("real60") == ["e", "f"]


def test_pool_line_sums_counts_and_skips_unjudged_primaries():
    line = pool_line(RUN, "READ", HELD)
    assert "n=  3" in line
    assert f"event={f1(2, 2, 0):.3f}(2/2/0)" in line
    assert "primary=1/2" in line          # d has no primary event to judge
    assert "spk=3/6" in line


def test_diff_lists_gone_and_new_misses_and_primary_flips():
    after = {"real": {"dev": [article("a", 1, 0, 0, primary=False, misses={"events": ["missing x"]})],
                      "test": [article("b", 0, 1, 0, primary=False, misses={})]}}
    before = {"real": {"dev": [article("a", 1, 0, 0, misses={"events": ["extra y"]})],
                       "test": [article("b", 0, 1, 0, primary=False)]}}
    lines = diff_lines(before, after, "READ", HELD)
    assert "  READ real/a events: GONE  extra y" in lines
    assert "  READ real/a events: NEW   missing x" in lines
    assert "  READ real/a primary True -> False" in lines
    assert len(lines) == 3


def test_run_refuses_a_named_held_out_set_without_held(tmp_path):
    import pytest
    from scripts.real_pools import held_out_sets, run_sets
    held = held_out_sets()
    if not held:
        pytest.skip("no set is held out")
    with pytest.raises(SystemExit, match="only with --held"):
        run_sets(tmp_path / "out.json", [held[0]], with_held=False)
    assert not (tmp_path / "out.json").exists()
