"""Numbers and quantities in Chinese tech news (normalised view: Simplified, half-width).

    parse_number("六百零九亿")        -> NumberValue(value=60900000000)
    find_quantities(norm)            -> [Quantity(kind="money", value=60900000000, unit="USD", ...)]
    find_numbers(norm)               -> every numeral expression, unit or not
"""
from .numerals import NumberMatch, NumberValue, parse_number
from .scan import Quantity, find_numbers, find_quantities

__all__ = ["NumberMatch", "NumberValue", "Quantity", "find_numbers", "find_quantities", "parse_number"]
