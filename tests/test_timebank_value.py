"""TimeBank's value test compares TimeML values in one spelling."""

from newsgraph.eval.timebank import canonical_value, same_value


def test_a_one_digit_iso_week_equals_its_two_digit_spelling():
    assert same_value({"value": "2000-W6"}, {"value": "2000-W06"})
    assert canonical_value("2000-W7-WE") == "2000-w07-we"


def test_different_weeks_and_days_stay_different():
    assert not same_value({"value": "2000-W6"}, {"value": "2000-W16"})
    assert not same_value({"value": "2000-06"}, {"value": "2000-W06"})
    assert not same_value({"value": "1998-08-07"}, {"value": "1998-08-17"})
