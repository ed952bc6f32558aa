#!/usr/bin/env python3
"""Writes dashboards/porttracer.ndjson: PortTracer's Kibana data views, Lens panels and dashboards.

Edit this file, run it, commit both. Objects use the 8.9 saved-object shapes (Lens "formBased"
datasource, dashboards with panel references), which Kibana 8.9+ and 9.x import and migrate.
DashboardsTest checks every field named here against the index templates.
"""
import json
import pathlib
import sys

# Another path as the first argument (DashboardsTest compares the output with the committed file).
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("porttracer.ndjson")
CORE = "8.8.0"


def data_view(alias, name, time_field=None):
    attrs = {"title": alias, "name": name}
    if time_field:
        attrs["timeFieldName"] = time_field
    return {"type": "index-pattern", "id": alias, "attributes": attrs, "references": [],
            "coreMigrationVersion": CORE, "typeMigrationVersion": "8.0.0"}


# Lens columns -------------------------------------------------------------------------------

def count(label="Count", kql=None):
    c = {"label": label, "customLabel": True, "dataType": "number", "operationType": "count",
         "sourceField": "___records___", "isBucketed": False, "scale": "ratio", "params": {"emptyAsNull": True}}
    return with_filter(c, kql)


def metric(op, field, label, kql=None, **params):
    c = {"label": label, "customLabel": True, "dataType": "number", "operationType": op, "sourceField": field,
         "isBucketed": False, "scale": "ratio", "params": {"emptyAsNull": True, **params}}
    return with_filter(c, kql)


def last_value(field, label, data_type="string", kql=None):
    c = {"label": label, "customLabel": True, "dataType": data_type, "operationType": "last_value",
         "sourceField": field, "isBucketed": False, "scale": "ordinal",
         "params": {"sortField": "@timestamp", "showArrayValues": True}}
    return with_filter(c, kql)


def with_filter(column, kql):
    if kql:
        column["filter"] = {"query": kql, "language": "kuery"}
    return column


def date_histogram(field, interval="auto", label=None):
    return {"label": label or field, "customLabel": label is not None, "dataType": "date",
            "operationType": "date_histogram", "sourceField": field, "isBucketed": True, "scale": "interval",
            "params": {"interval": interval, "includeEmptyRows": True, "dropPartials": False}}


def terms(field, label, size=10, order_by=None, data_type="string", also=None):
    params = {"size": size, "orderDirection": "desc", "otherBucket": True, "missingBucket": False,
              "parentFormat": {"id": "multi_terms" if also else "terms"},
              "orderBy": {"type": "column", "columnId": order_by} if order_by else {"type": "alphabetical"}}
    if not order_by:
        params["orderDirection"] = "asc"
    if also:
        params["secondaryFields"] = also
    return {"label": label, "customLabel": True, "dataType": data_type, "operationType": "terms",
            "sourceField": field, "isBucketed": True, "scale": "ordinal", "params": params}


# Lens visualisations ------------------------------------------------------------------------

def lens(id_, title, view, vis_type, columns, visualization, kql=""):
    layer = {"columnOrder": list(columns), "columns": columns, "incompleteColumns": {}}
    state = {"datasourceStates": {"formBased": {"layers": {"layer1": layer}}},
             "visualization": visualization, "query": {"query": kql, "language": "kuery"}, "filters": [],
             "internalReferences": [], "adHocDataViews": {}}
    return {"type": "lens", "id": id_,
            "attributes": {"title": title, "description": "", "visualizationType": vis_type, "state": state},
            "references": [{"type": "index-pattern", "id": view, "name": "indexpattern-datasource-layer-layer1"}],
            "coreMigrationVersion": CORE, "typeMigrationVersion": "8.9.0"}


def xy(id_, title, view, x, ys, split=None, series="bar_stacked", kql=""):
    columns = {"x": x, **{f"y{i}": y for i, y in enumerate(ys)}}
    layer = {"layerId": "layer1", "layerType": "data", "seriesType": series, "xAccessor": "x",
             "accessors": [f"y{i}" for i in range(len(ys))]}
    if split:
        columns["split"] = split
        layer["splitAccessor"] = "split"
    vis = {"preferredSeriesType": series, "legend": {"isVisible": True, "position": "right"},
           "valueLabels": "hide", "layers": [layer]}
    return lens(id_, title, view, "lnsXY", columns, vis, kql)


def table(id_, title, view, columns, sort=None, kql=""):
    vis = {"layerId": "layer1", "layerType": "data", "columns": [{"columnId": c} for c in columns]}
    if sort:
        vis["sorting"] = {"columnId": sort[0], "direction": sort[1]}
    return lens(id_, title, view, "lnsDatatable", columns, vis, kql)


def single_metric(id_, title, view, column, kql=""):
    vis = {"layerId": "layer1", "layerType": "data", "metricAccessor": "m"}
    return lens(id_, title, view, "lnsMetric", {"m": column}, vis, kql)


def donut(id_, title, view, group, value, kql=""):
    vis = {"shape": "donut", "layers": [{"layerId": "layer1", "layerType": "data", "primaryGroups": ["g"],
                                         "metrics": ["v"], "numberDisplay": "percent", "categoryDisplay": "default",
                                         "legendDisplay": "default", "nestedLegend": False}]}
    return lens(id_, title, view, "lnsPie", {"g": group, "v": value}, vis, kql)


def saved_search(id_, title, view, columns, kql, sort):
    source = {"query": {"query": kql, "language": "kuery"}, "filter": [],
              "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"}
    return {"type": "search", "id": id_,
            "attributes": {"title": title, "description": "", "columns": columns, "sort": sort,
                           "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source)}},
            "references": [{"type": "index-pattern", "id": view, "name": "kibanaSavedObjectMeta.searchSourceJSON.index"}],
            "coreMigrationVersion": CORE, "typeMigrationVersion": "8.0.0"}


def dashboard(id_, title, description, panels, time_from="now-7d"):
    """panels: (object, width, height) placed left to right on a 48-column grid."""
    entries, refs, x, y, row_h = [], [], 0, 0, 0
    for n, (obj, w, h) in enumerate(panels, 1):
        if x + w > 48:
            x, y, row_h = 0, y + row_h, 0
        pid = f"p{n}"
        entries.append({"type": obj["type"], "panelIndex": pid, "gridData": {"x": x, "y": y, "w": w, "h": h, "i": pid},
                        "embeddableConfig": {"enhancements": {}}, "panelRefName": f"panel_{pid}"})
        refs.append({"type": obj["type"], "id": obj["id"], "name": f"{pid}:panel_{pid}"})
        x, row_h = x + w, max(row_h, h)
    source = {"query": {"query": "", "language": "kuery"}, "filter": []}
    attrs = {"title": title, "description": description, "panelsJSON": json.dumps(entries),
             "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "syncCursor": True,
                                        "syncTooltips": False, "hidePanelTitles": False}),
             "timeRestore": True, "timeFrom": time_from, "timeTo": "now",
             "refreshInterval": {"pause": False, "value": 60000},
             "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source)}}
    return {"type": "dashboard", "id": id_, "attributes": attrs, "references": refs,
            "coreMigrationVersion": CORE, "typeMigrationVersion": "8.7.0", "_panels": panels}


# The objects --------------------------------------------------------------------------------

CURRENT, EVENTS, POLLS = "porttracer-current", "porttracer-events", "porttracer-polls"
MOVED, APPEARED = 'kind : "moved"', 'kind : "appeared"'
AT_EDGE = "present : true and edge.current : true"
NOT_OK = 'not outcome : "ok"'

views = [data_view(CURRENT, "PortTracer: where each MAC is now"),
         data_view(EVENTS, "PortTracer: MAC events (appeared, moved, disappeared)", "@timestamp"),
         data_view(POLLS, "PortTracer: switch polls", "@timestamp")]

moves_over_time = xy("porttracer-moves-over-time", "Moves over time, by destination site", EVENTS,
                     date_histogram("@timestamp"), [count("Moves")], terms("to.site", "Site", 10), kql=MOVED)
events_by_kind = xy("porttracer-events-by-kind", "MAC events by kind", EVENTS, date_histogram("@timestamp"),
                    [count("Events")], terms("kind", "Kind", 3), series="line")
top_movers = table("porttracer-top-movers", "Top movers", EVENTS,
                   {"mac": terms("mac", "MAC", 20, order_by="moves"), "moves": count("Moves"),
                    "switches": metric("unique_count", "to.switchName", "Switches"),
                    "nowSwitch": last_value("to.switchName", "Last switch"),
                    "nowPort": last_value("to.port", "Last port")},
                   sort=("moves", "desc"), kql=MOVED)
mac_path = saved_search("porttracer-mac-path", "A MAC's path (type mac : \"aa:bb:cc:dd:ee:ff\" in the query bar)",
                        EVENTS, ["mac", "kind", "from.switchName", "from.port", "to.switchName", "to.port", "to.vlan",
                                 "to.site", "to.floor"], "", [["@timestamp", "asc"]])
moves_by_floor = table("porttracer-moves-by-floor", "Moves by site and floor", EVENTS,
                       {"floor": terms("to.site", "Site / floor", 50, order_by="moves", also=["to.floor"]),
                        "moves": count("Moves"), "macs": metric("unique_count", "mac", "MACs")},
                       sort=("moves", "desc"), kql=MOVED)

new_by_floor = xy("porttracer-new-macs-by-floor", "New MACs per day, by site / floor", CURRENT,
                  date_histogram("firstSeen", "1d", "First seen"), [count("New MACs")],
                  terms("edge.site", "Site / floor", 20, order_by="y0", also=["edge.floor"]))
new_by_vendor = xy("porttracer-new-macs-by-vendor", "New MACs per day, by vendor", CURRENT,
                   date_histogram("firstSeen", "1d", "First seen"), [count("New MACs")],
                   terms("vendor", "Vendor", 10, order_by="y0"))
new_by_oui = table("porttracer-new-macs-by-oui", "New MACs in the last 7 days, by OUI and vendor", CURRENT,
                   {"oui": terms("oui", "OUI", 50, order_by="n", also=["vendor"]), "n": count("New MACs")},
                   sort=("n", "desc"), kql="firstSeen >= now-7d")
appeared = xy("porttracer-appeared", "MACs appearing (time picker), by site", EVENTS,
              date_histogram("@timestamp"), [count("Appeared")], terms("to.site", "Site", 10), kql=APPEARED)

macs_present = single_metric("porttracer-macs-present", "MACs at an edge port now", CURRENT,
                             count("MACs"), kql=AT_EDGE)
macs_per_floor = xy("porttracer-macs-per-floor", "MACs per site / floor", CURRENT,
                    terms("edge.site", "Site / floor", 50, also=["edge.floor"]), [count("MACs")],
                    terms("edge.vlan", "VLAN", 10, order_by="y0", data_type="number"), kql=AT_EDGE)
macs_per_vlan = xy("porttracer-macs-per-vlan", "MACs per VLAN", CURRENT,
                   terms("edge.vlan", "VLAN", 50, data_type="number"), [count("MACs")], series="bar", kql=AT_EDGE)
macs_table = table("porttracer-macs-site-floor-vlan", "MACs by site, floor and VLAN", CURRENT,
                   {"site": terms("edge.site", "Site", 50), "floor": terms("edge.floor", "Floor", 50),
                    "vlan": terms("edge.vlan", "VLAN", 100, data_type="number"), "macs": count("MACs"),
                    "switches": metric("unique_count", "edge.switchName", "Switches"),
                    "ports": metric("unique_count", "edge.portKey", "Ports")},
                   kql=AT_EDGE)

poll_duration = xy("porttracer-poll-duration", "Poll duration (ms)", POLLS, date_histogram("@timestamp"),
                   [metric("median", "durationMs", "Median"), metric("percentile", "durationMs", "95th percentile",
                                                                     percentile=95),
                    metric("max", "durationMs", "Max")], series="line")
polls_by_outcome = xy("porttracer-polls-by-outcome", "Polls by outcome", POLLS, date_histogram("@timestamp"),
                      [count("Polls")], terms("outcome", "Outcome", 10, order_by="y0"))
failures = table("porttracer-poll-failures", "Failed polls by switch and outcome", POLLS,
                 {"switch": terms("switch", "Switch", 100, order_by="n"), "outcome": terms("outcome", "Outcome", 10, order_by="n"),
                  "n": count("Failures"), "error": last_value("error", "Last error"),
                  "at": last_value("@timestamp", "Last failure", "date")},
                 sort=("n", "desc"), kql=NOT_OK)
stale = table("porttracer-stale-switches", "Switches by last good poll (oldest first: stale switches on top)", POLLS,
              {"switch": terms("switch", "Switch", 1000), "site": last_value("site", "Site"),
               "floor": last_value("floor", "Floor"), "lastOk": last_value("@timestamp", "Last good poll", "date",
                                                                            kql='outcome : "ok"'),
               "outcome": last_value("outcome", "Last outcome"), "failures": count("Failed polls", kql=NOT_OK)},
              sort=("lastOk", "asc"))
outcomes = donut("porttracer-poll-outcomes", "Poll outcomes", POLLS, terms("outcome", "Outcome", 10, order_by="v"),
                 count("Polls"))
unparsed = xy("porttracer-unparsed-lines", "Unparsed CLI lines, by platform", POLLS, date_histogram("@timestamp"),
              [metric("sum", "unparsedLines", "Unparsed lines")], terms("platform", "Platform", 10, order_by="y0"))
entries = xy("porttracer-mac-entries", "MAC table entries per poll (median), by platform", POLLS,
             date_histogram("@timestamp"), [metric("median", "entries", "Entries")],
             terms("platform", "Platform", 10, order_by="y0"), series="line")

dashboards = [
    dashboard("porttracer-movement", "PortTracer: MAC movement history",
              "Moves over time, top movers, and one MAC's path: type mac : \"aa:bb:cc:dd:ee:ff\" in the query bar.",
              [(moves_over_time, 32, 14), (events_by_kind, 16, 14), (top_movers, 24, 16),
               (moves_by_floor, 24, 16), (mac_path, 48, 18)]),
    dashboard("porttracer-new-macs", "PortTracer: new MACs",
              "MACs seen for the first time, per day (all history), by site/floor and vendor.",
              [(new_by_floor, 24, 15), (new_by_vendor, 24, 15), (new_by_oui, 24, 15), (appeared, 24, 15)],
              time_from="now-30d"),
    dashboard("porttracer-macs-per-place", "PortTracer: MACs per site, floor and VLAN",
              "Where MACs are now, at their edge port (all current documents, not time-bound).",
              [(macs_present, 12, 10), (macs_per_floor, 36, 10), (macs_per_vlan, 24, 16), (macs_table, 24, 16)]),
    dashboard("porttracer-collector-health", "PortTracer: collector health",
              "Poll durations, outcomes, failures by switch, and switches whose last good poll is oldest.",
              [(poll_duration, 20, 14), (polls_by_outcome, 18, 14), (outcomes, 10, 14), (failures, 24, 16),
               (stale, 24, 16),
               (unparsed, 24, 12), (entries, 24, 12)], time_from="now-24h"),
]

objects, seen = list(views), set()
for d in dashboards:
    for obj, _, _ in d.pop("_panels"):
        if obj["id"] not in seen:
            seen.add(obj["id"])
            objects.append(obj)
objects += dashboards

with OUT.open("w") as f:
    for o in objects:
        f.write(json.dumps(o, separators=(",", ":"), sort_keys=False) + "\n")
print(f"wrote {len(objects)} objects to {OUT}")
