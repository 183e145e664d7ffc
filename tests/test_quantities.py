from decimal import Decimal

from kg.quantities import parse_quantity


def test_numbers_in_figures_and_words_with_multipliers():
    assert parse_quantity("10.000") == Decimal(10000)
    assert parse_quantity("nove milioni") == Decimal(9_000_000)
    assert parse_quantity("2,5 miliardi") == Decimal(2_500_000_000)
    assert parse_quantity("600") == Decimal(600)
    assert parse_quantity("3,5") == Decimal("3.5")
    assert parse_quantity("venti mila") == Decimal(20000)


def test_indefinite_amounts_have_no_number():
    assert parse_quantity("migliaia") is None
    assert parse_quantity("alcune") is None
    assert parse_quantity("") is None
