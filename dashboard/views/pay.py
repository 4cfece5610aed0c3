"""Pay: stated ranges per team and per posting, and their distribution, in one currency and
period at a time (chosen by the person); how many postings state pay at all. One tab at a
time, so a page load draws one chart."""

import streamlit as st

from dashboard import charts, data, ui, wording
from warehouse import queries

NORMALISE = {"As stated": None, "Hourly": "hour", "Yearly": "year"}
POSTINGS_SHOWN = 40
BY_TEAM, PER_POSTING, DISTRIBUTION = "By team", "Per posting", "Distribution"
# Tab -> its CSV: (what, query, extra arguments). The per-posting chart shows the top
# POSTINGS_SHOWN; its CSV has every posting in the unit (the chart's title says so).
TABS = {
    BY_TEAM: ("pay by team", queries.pay_by_team, {}),
    PER_POSTING: ("pay per posting", queries.pay_ranges, {"limit": None}),
    DISTRIBUTION: ("pay distribution", queries.pay_distribution, {}),
}

filters, actions = ui.page_start(
    "Pay",
    "Base pay as the postings state it, one currency and pay period at a time: figures in "
    "different units never share an axis.",
)
coverage = data.fetch(queries.pay_coverage, filters)
st.markdown(wording.pay_coverage_sentence(coverage))
left, right = st.columns([2, 3], vertical_alignment="bottom")
choice = left.segmented_control(
    "Pay per", list(NORMALISE), default="As stated", key="pay_basis", help=charts.NORMALISATION_NOTE
)
basis = NORMALISE[choice or "As stated"]
units = charts.pay_units(coverage, basis)
if not units:
    st.info("No posting in view states pay in a form that can be shown this way.")
    st.stop()
labels = {f"{charts.unit_text(u)} ({wording.postings(n)})": u for u, n in units}
unit = labels[right.selectbox("Currency and period", list(labels), key=f"pay_unit_{basis}")]
in_unit = data.pay_unit(unit)  # every query below reads this unit only
if basis:
    st.caption(charts.NORMALISATION_NOTE + " Postings that state no pay period are left out.")
if len(units) > 1:
    others = ", ".join(f"{charts.unit_text(u)}: {n:,}" for u, n in units if u != unit)
    st.caption(f"Other units in view (choose above): {others}.")

view, tab = ui.open_tab(list(TABS), key="pay_view")
what, query, extra = TABS[view]
with actions:  # the CSV holds the rows behind the open tab
    ui.download_csv(
        what,
        f"{what.replace(' ', '_')}.csv",
        data.deferred(query, filters, normalize_to=basis, **in_unit, **extra),
        key="dl_pay",
    )
with tab:
    if view == BY_TEAM:
        by_team = data.fetch(queries.pay_by_team, filters, normalize_to=basis, **in_unit)
        ui.chart(
            charts.pay_by_team_chart(
                by_team, normalize_to=basis, unit=unit, colors=ui.team_colors()
            ),
            key="pay_by_team",
        )
    elif view == PER_POSTING:
        top = data.fetch(
            queries.pay_ranges, filters, normalize_to=basis, **in_unit, limit=POSTINGS_SHOWN
        )
        in_view = int(top["total"][0]) if top.height else 0
        title = "Pay range per posting"
        if in_view > POSTINGS_SHOWN:
            title += (
                f" (the {POSTINGS_SHOWN} paying most of {in_view:,}, by midpoint; the CSV has all)"
            )
        ui.chart(
            charts.pay_ranges_chart(
                top, normalize_to=basis, unit=unit, colors=ui.team_colors(), title=title
            ),
            key="pay_ranges",
        )
    else:
        spread = data.fetch(queries.pay_distribution, filters, normalize_to=basis, **in_unit)
        ui.chart(
            charts.pay_distribution_chart(
                spread, normalize_to=basis, unit=unit, title="Distribution of pay midpoints"
            ),
            key="pay_distribution",
        )
