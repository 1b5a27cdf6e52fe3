"""Units, currencies and amounts in several parts (issue 15, the extra quantity sets' kinds)."""

from __future__ import annotations

import pytest

from quantity_probe import one, quantities, spans


@pytest.mark.parametrize("text,needle,unit", [
    ("The pond froze at 2 deg c overnight.", "2 deg c", "celsius"),
    ("The forecast says 95 degrees f by noon.", "95 degrees f", "fahrenheit"),
    ("Water in the bay was 18 celcius this week.", "18 celcius", "celsius"),
    ("The bath was 100 degrees F at most.", "100 degrees F", "fahrenheit"),
])
def test_temperature_units_in_lower_case_and_misspelt(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


def test_a_plain_degree_stays_an_angle():
    assert one("The ramp rises at 12 degrees from the road.", "12").unit == "degree"


@pytest.mark.parametrize("text,needle,value,unit", [
    ("The toy cost 4 dollars 25 cents at the fair.", "4 dollars", 4.25, "dollar"),
    ("Lunch came to twelve dollars and thirty cents.", "twelve", 12.30, "dollar"),
    ("A ticket was seven dollars sixty-five cents.", "seven", 7.65, "dollar"),
    ("The bus fare is 2 euros and 40 cents now.", "2 euros", 2.40, "euro"),
    ("The stamp cost $1 and 15 cents.", "$1", 1.15, "dollar"),
    ("The bill was 9 dollars and 80.", "9 dollars", 9.80, "dollar"),
    ("She paid six dollars fifty.", "six", 6.50, "dollar"),
])
def test_major_and_minor_units_are_one_amount(text, needle, value, unit):
    q = one(text, needle)
    assert q.value == pytest.approx(value) and q.unit == unit
    assert len(quantities(text)) == 1


@pytest.mark.parametrize("text,count", [
    ("He paid 20 dollars and 10 people watched.", 2),  # the number after "and" counts something else
    ("It cost 3 million dollars and 40 cents was the fee.", 2),  # a scaled amount takes no cents
    ("They gave 5 dollars 12 years ago.", 2),  # a bare number that is not the end of the clause
])
def test_no_minor_amount_where_the_number_is_something_else(text, count):
    assert len(quantities(text)) == count


@pytest.mark.parametrize("text,needle,value,currency", [
    ("Losses above 30 MUSD were reported.", "30 MUSD", 30e6, "USD"),
    ("The buyer paid 48.5 MGBP in cash.", "48.5 MGBP", 48.5e6, "GBP"),
    ("The grant totalled twenty MEUR over two years.", "twenty MEUR", 20e6, "EUR"),
    ("The audit cost 250 kEUR in all.", "250 kEUR", 250e3, "EUR"),
])
def test_iso_codes_with_a_scale_letter(text, needle, value, currency):
    q = one(text, needle)
    assert (q.value, q.currency) == (pytest.approx(value), currency)
    assert q.span.text == needle


@pytest.mark.parametrize("text,needle,value,currency", [
    ("the rig was sold for c $ 4.2 million last year.", "c $ 4.2", 4.2e6, "CAD"),
    ("exports reached hk $ 3.1 billion in march.", "hk $ 3.1", 3.1e9, "HKD"),
    ("the fee is usd 40 per month.", "usd 40", 40, "USD"),
    ("she paid rmb 15 for lunch.", "rmb 15", 15, "CNY"),
])
def test_currency_prefixes_in_lower_case(text, needle, value, currency):
    q = one(text, needle)
    assert (q.value, q.currency) == (pytest.approx(value), currency)


@pytest.mark.parametrize("text,needle", [
    ("It was a $5 fee.", "$5"),
    ("I think it's $5 now.", "$5"),
])
def test_one_letter_words_before_a_dollar_sign_are_no_currency(text, needle):
    assert one(text, needle).currency == "USD"


@pytest.mark.parametrize("text", [
    "You should try 20 times before giving up.",
    "The hair gel 5 pack was sold out.",
])
def test_lower_case_words_that_spell_a_code_are_no_currency(text):
    assert all(q.currency is None for q in quantities(text))


def test_a_dollar_word_with_a_country():
    q = one("It costs 10 us dollar per night.", "10")
    assert q.unit == "dollar per night" and q.currency == "USD"
    assert "30 us dollar" in spans("He owes 30 us dollar to the shop.")


@pytest.mark.parametrize("text,needle,unit", [
    ("Stir in 2 tablespoons butter and serve.", "2 tablespoons", "tablespoon"),
    ("Add 1/2 cup olive oil to the pan.", "1/2 cup", "cup"),
    ("The signal took 40 ms to arrive.", "40 ms", "millisecond"),
    ("The beam turned through 1.5 rad.", "1.5 rad", "radian"),
    ("The gap is 3 picometres wide.", "3 picometres", "picometre"),
    ("The box is 4 dm deep.", "4 dm", "decimetre"),
    ("The limit is 30kmph in town.", "30kmph", "kilometre per hour"),
])
def test_more_units(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text,needle,value,unit", [
    ("The bike cost 250₾ in Tbilisi.", "250", 250, "georgian lari"),
    ("A room was 900 baht a night.", "900", 900, "thai baht per night"),
    ("The fine was 5,000 forints.", "5,000", 5000, "hungarian forint"),
    ("He sent 300 satoshis as a tip.", "300", 300, "satoshi"),
])
def test_more_currencies(text, needle, value, unit):
    q = one(text, needle)
    assert q.value == value and q.unit == unit


@pytest.mark.parametrize("text,needle,value", [
    ("Sales fell to minus five percent.", "five", -5),
    ("It was minus twelve degrees at dawn.", "twelve", -12),
])
def test_minus_before_a_written_number(text, needle, value):
    assert one(text, needle).value == value


def test_plus_or_minus_is_no_sign():
    assert one("The poll has a margin of plus or minus three percent.", "three").value == 3


@pytest.mark.parametrize("text,needle,value", [
    ("Three quarters of a million people attended.", "Three", 750_000),
    ("They spent two-thirds of a billion dollars.", "two-thirds", 1e9 * 2 / 3),
    ("It costs three quarters billion dollars.", "three", 750e6),
])
def test_a_fraction_of_a_scale_word(text, needle, value):
    assert one(text, needle).value == pytest.approx(value)


def test_an_amount_before_a_month_is_no_date():
    q = one("The firm filed $37,305.97 February expenses.", "37,305.97")
    assert q.value == pytest.approx(37305.97) and q.unit == "dollar"


@pytest.mark.parametrize("text", [
    "The hearing is on 8 September.",
    "The hearing was on Feb. 21,2015 in town.",
])
def test_days_next_to_a_month_stay_dates(text):
    assert quantities(text) == []


@pytest.mark.parametrize("text,needle,unit,currency", [
    ("The villa was sold for 900,000 guilders in 1998.", "900,000 guilders", "dutch guilder", "NLG"),
    ("A loaf cost 3,000 lire before the euro.", "3,000 lire", "italian lira", "ITL"),
    ("The club paid 40 million pesetas for him.", "40 million pesetas", "spanish peseta", "ESP"),
    ("She earned 12,000 Deutsche marks a year.", "12,000 Deutsche marks", "deutsche mark per year", "DEM"),
    ("The hotel charged 450 francs a night.", "450 francs", "franc per night", None),
    ("The fare rose to 250 dinars.", "250 dinars", "dinar", None),
    ("A kilo of rice sells for 900 kyats.", "900 kyats", "myanmar kyat", "MMK"),
    ("Drinks were 20 quid each.", "20 quid", "pound sterling", "GBP"),
    ("The stamp is 45¢ now.", "45¢", "cent", "USD"),
    ("The coin is worth 2 euro cents.", "2 euro cents", "cent", "EUR"),
    ("The deal is worth CAD$ 15 million.", "CAD$ 15 million", "canadian dollar", "CAD"),
    ("The bid was Can$2.1 billion.", "Can$2.1 billion", "canadian dollar", "CAD"),
    ("Tickets cost 300 NT dollars.", "300 NT dollars", "new taiwan dollar", "TWD"),
])
def test_currencies_beyond_the_main_ones(text, needle, unit, currency):
    q = one(text, needle)
    assert (q.unit, q.currency) == (unit, currency)
    assert q.span.text.startswith(needle)


@pytest.mark.parametrize("text,needle,unit,value", [
    ("The striker cost 50 million pounds last summer.", "50 million pounds", "pound sterling", 50e6),
    ("She was fined 300 pounds for speeding.", "300 pounds", "pound sterling", 300),
    ("Lunch cost him 5 pounds 20.", "5 pounds", "pound sterling", 5.20),
    ("The meal was 8 pounds 40 pence.", "8 pounds", "pound sterling", 8.40),
    ("The firm recalled 2 million pounds of beef.", "2 million pounds", "pound", 2e6),
    ("The newborn weighs 8 pounds.", "8 pounds", "pound", 8),
    ("The bag weighed 50 pounds and cost 20 pounds.", "50 pounds", "pound", 50),
    ("The bag weighed 50 pounds and cost 20 pounds.", "20 pounds", "pound sterling", 20),
])
def test_pounds_are_money_only_where_money_is_said(text, needle, unit, value):
    q = one(text, needle)
    assert q.unit == unit and q.value == pytest.approx(value)


@pytest.mark.parametrize("text,needle,unit", [
    ("The field pumps 400,000 barrels of crude a day.", "400,000 barrels", "barrel per day"),
    ("The mine ships 34,000 tonnes of copper per year.", "34,000 tonnes", "tonne per year"),
    ("He bought 3 kg of rice a week ago.", "3 kg", "kilogram"),  # "a week ago" is no rate
])
def test_a_rate_after_the_thing_measured(text, needle, unit):
    assert one(text, needle).unit == unit


@pytest.mark.parametrize("text,value", [
    ("per cent of twenty-two", 22),
    ("Percent of 15.", 15),
])
def test_percent_named_before_its_number(text, value):
    q = one(text, str(value) if str(value) in text else "twenty")
    assert (q.unit, q.value) == ("percentage", value)


@pytest.mark.parametrize("text", [
    "About 40 percent of 10 million people voted.",  # the percent is 40's
    "A large percent of 18-year-olds voted.",  # 18 does not end its phrase
])
def test_percent_of_a_number_that_is_something_else(text):
    assert all(q.value != 10e6 or q.unit != "percentage" for q in quantities(text))
    assert not any(q.unit == "percentage" and q.value == 18 for q in quantities(text))


@pytest.mark.parametrize("text,needle,unit", [
    ("Pressure fell to 950 hPa overnight.", "950 hPa", "hectopascal"),
    ("The siren reached 120 dB.", "120 dB", "decibel"),
    ("The device yields 15 kilotons.", "15 kilotons", "kiloton"),
    ("Workers got 20 millisieverts.", "20 millisieverts", "millisievert"),
    ("He drank 3 pints of ale.", "3 pints", "pint"),
    ("Add 2 fl oz of cream.", "2 fl oz", "fluid ounce"),
    ("The hatchback gets 52 mpg.", "52 mpg", "mile per gallon"),
])
def test_units_added_to_the_lexicon(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text,needle,value,unit", [
    ("He served two and a half years in prison.", "two and a half years", 2.5, "year"),
    ("The hearing lasted 1 and a half hours.", "1 and a half hours", 1.5, "hour"),
    ("The town has three and a half thousand homes.", "three and a half thousand homes", 3500, "homes"),
    ("Stir in two and three quarters cups of flour.", "two and three quarters cups", 2.75, "cup"),
])
def test_whole_and_a_part(text, needle, value, unit):
    q = one(text, needle)
    assert q.value == pytest.approx(value) and q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text,needle,unit", [
    ("The road is 12 KM long.", "12 KM", "kilometre"),
    ("The parcel weighs 20 KG.", "20 KG", "kilogram"),
    ("The flask holds 500 ML.", "500 ML", "millilitre"),
    ("The office has 5,000 sq. ft. of space.", "5,000 sq. ft.", "square foot"),
    ("Short tons: it weighed 1.5 short tons.", "1.5 short tons", "short ton"),
    ("The car emits 120 g/km of CO2.", "120 g/km", "gram per kilometre"),
])
def test_unit_spellings_in_capitals_with_points_and_over_a_denominator(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text,needle,value", [
    ('The guard is 6\'2" tall.', "6'2\"", 6 + 2 / 12),
    ("The 6\u203211\u2033 center signed on.", "6\u203211\u2033", 6 + 11 / 12),
])
def test_heights_written_with_feet_and_inch_marks(text, needle, value):
    q = one(text, needle)
    assert (q.unit, q.span.text) == ("foot", needle) and q.value == pytest.approx(value)


@pytest.mark.parametrize("text,needle,unit", [
    ("The robot can dive to 6,000 m below the surface.", "6,000 m", "metre"),
    ("Sea temperatures have risen 0.3 C since 1990.", "0.3 C", "celsius"),
    ("Keeping warming under 1.5 C is the aim.", "1.5 C", "celsius"),
])
def test_one_letter_symbols_apart_from_the_digits_by_their_sentence(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


def test_a_detached_c_without_temperature_words_is_no_celsius():
    assert all(q.unit != "celsius" for q in quantities("The bond was rated 3 C by the agency."))


def test_a_page_range_in_brackets_is_no_quantity():
    assert spans("The study ran in volume 12 (pages 221-240) of the journal.") == []


@pytest.mark.parametrize("text,needle,unit", [
    ("Net weight: 20 [kg] per crate.", "20 [kg]", "kilogram"),
    ("Range 450 (km) on one charge.", "450 (km)", "kilometre"),
])
def test_a_unit_symbol_in_brackets_after_the_number(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


def test_a_one_letter_bracket_is_a_clause_letter_not_a_unit():
    assert all(q.unit is None for q in quantities("Section 5 (b) of the act applies."))


@pytest.mark.parametrize("text,needle,unit", [
    ("The menu says 500 ₹ for two.", "500 ₹", "indian rupee"),
    ("A coffee is 12 zł there.", "12 zł", "polish zloty"),
    ("Entry was 15 € per person.", "15 €", "euro per person"),
    ("The fee is 2,000 HUF.", "2,000 HUF", "hungarian forint"),
    ("A bowl of pho costs 40,000 VND.", "40,000 VND", "vietnamese dong"),
    ("The wallet held 5 ETH.", "5 ETH", "ethereum"),
    ("It cost 10 british pound in all.", "10 british pound", "pound sterling"),
    ("Sweets used to cost 10p.", "10p", "penny"),
])
def test_currency_signs_and_codes_after_the_number(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text.startswith(needle)


def test_a_sign_that_opens_the_next_amount_is_not_the_first_ones_unit():
    qs = quantities("He paid with 10 $5 bills.")
    assert [(q.span.text, q.unit) for q in qs if q.unit == "dollar"] == [("$5", "dollar")]


def test_a_clock_time_is_still_no_pence():
    assert spans("We met at 9 p.m. sharp.") == []


def test_the_lb_symbol_is_always_a_weight():
    assert one("They paid 25 lbs of silver in tribute.", "25 lbs").unit == "pound"
    assert one("The parcel, worth little, weighed 25 lb.", "25 lb").unit == "pound"


@pytest.mark.parametrize("text,needle,unit", [
    ("Add 25 cl of rum.", "25 cl", "centilitre"),
    ("It has a 250 cc engine.", "250 cc", "cubic centimetre"),
    ("The beam took 40 kN.", "40 kN", "kilonewton"),
    ("The lamp gives 800 lumens.", "800 lumens", "lumen"),
    ("Her blood pressure was 120 mmHg.", "120 mmHg", "millimetre of mercury"),
])
def test_more_units_of_measure(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text,needle,value,unit", [
    ("A plate costs Rs.25 at the stall.", "Rs.25", 25, "indian rupee"),
    ("The flat sold for Rs.25 lakh.", "Rs.25 lakh", 2.5e6, "indian rupee"),
    ("Lunch in Rio is R$25 now.", "R$25", 25, "brazilian real"),
    ("Gum was $.25 a pack.", "$.25", 0.25, "dollar per pack"),
])
def test_prefixes_with_a_point_or_a_letter(text, needle, value, unit):
    q = one(text, needle)
    assert q.value == pytest.approx(value) and q.unit == unit


def test_a_capitalised_symbol_is_no_road_name():
    assert one("The road is 25 Km long.", "25 Km").unit == "kilometre"
    assert spans("They met near 7 Mile and Gratiot.") == []


def test_us_dollar_sign_after_the_amount():
    q = one("The plant cost 100 million US$.", "100 million US$")
    assert (q.value, q.unit) == (1e8, "dollar")


@pytest.mark.parametrize("text,first,second", [
    ("The stock rose 1 1/8 to 23 5/8.", 1.125, 23.625),
    ("The index fell 12 to 1,340.", 12, 1340),
])
def test_a_bare_change_then_the_level_reached_is_no_range(text, first, second):
    assert [(q.value, q.value_max) for q in quantities(text)] == [(first, None), (second, None)]


def test_from_a_to_b_without_a_change_verb_is_still_a_range():
    assert [(q.value, q.value_max) for q in quantities("Attendance grew from 5 to 10.")] == [(5, 10)]


@pytest.mark.parametrize("text,needle,value,value_max,unit", [
    ("Temperatures of 20°-25°C are forecast.", "20°-25°C", 20, 25, "celsius"),
    ("Between 3 and 4 million people came.", "3 and 4 million people", 3e6, 4e6, "people"),
])
def test_units_and_scales_after_a_range(text, needle, value, value_max, unit):
    q = one(text, needle)
    assert (q.value, q.value_max, q.unit) == (value, value_max, unit)


@pytest.mark.parametrize("text,needle,unit", [
    ("Prices rose 5 per-cent in May.", "5 per-cent", "percentage"),
    ("Output rose 5 p.c. last year.", "5 p.c.", "percentage"),
    ("The jobless rate rose 2 pct points.", "2 pct points", "percentage point"),
])
def test_percent_spellings(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text,needle,unit", [
    ("The density is 300 people per square kilometre.", "300 people per square kilometre",
     "people per square kilometre"),
    ("The clinic sees 40 patients a week.", "40 patients a week", "patients per week"),
    ("They hired 20 people a year ago.", "20 people", "people"),  # "a year ago" is no rate
    ("The field pumps 4,000 bpd.", "4,000 bpd", "barrel per day"),
    ("He earns $50,000 p.a. now.", "$50,000 p.a.", "dollar per year"),
])
def test_rates_after_counts_and_abbreviated_rates(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


@pytest.mark.parametrize("text", [
    "( Mon Mar 09 17:08:35 PDT 2015 $__output )",  # template residue after a year
    "In 1989 $ 50 million was spent.",  # the sign opens the next amount
])
def test_a_year_before_a_sign_takes_no_currency(text):
    assert not any(q.unit == "dollar" and q.value in (1989, 2015) for q in quantities(text))


@pytest.mark.parametrize("text,needle,unit", [
    ("The ticket was 25 danish krones.", "25 danish krones", "danish krone"),
    ("The bill came to 9,000 south korean won.", "9,000 south korean won", "south korean won"),
    ("Bread costs 40 russian roubles.", "40 russian roubles", "russian ruble"),
    ("A meal is 30 bolivianos.", "30 bolivianos", "bolivian boliviano"),
    ("The fine was 500 CFA francs.", "500 CFA francs", "cfa franc"),
])
def test_currency_names_in_singular_plural_and_more_countries(text, needle, unit):
    q = one(text, needle)
    assert q.unit == unit and q.span.text == needle


def test_a_change_with_its_unit_then_the_level_is_two_quantities():
    assert [(q.value, q.value_max) for q in quantities("The dollar rose 0.5 yen to 143.2 yen.")] == \
        [(0.5, None), (143.2, None)]
    q = one("Sales rose $5 to $10 million.", "$5")
    assert (q.value, q.value_max) == (5e6, 10e6)  # the scale is shared: a range


def test_bil_as_a_scale():
    assert one("It cost $3.5bil in all.", "$3.5bil").value == pytest.approx(3.5e9)


def test_a_salary_per_season():
    assert one("He signed for 1.2 million euros a season.", "1.2 million euros").unit == "euro per season"


def test_a_made_singular_that_is_another_word_is_no_currency():
    assert one("She bought 25 sole fillets.", "25").unit != "peruvian sol"
