package source

import "wegweiser/catalog"

func (l *loader) districtsFile() {
	f, m := l.parse("districts.toml", true)
	if f == nil {
		return
	}
	top := newTable(&l.checker, f, "", "districts.toml", m, "district")
	list := top.tables("district")
	if len(list) == 0 {
		top.errorf("", "districts.toml has no [[district]] tables")
	}
	for i, dm := range list {
		t := newTable(&l.checker, f, "district["+itoa(i)+"]", "district", dm, "id", "name")
		d := catalog.District{ID: t.str("id", true)}
		if d.ID != "" {
			t.what = "district '" + d.ID + "'"
			if !catalog.ValidDistrictID(d.ID) {
				t.errorf("id", "district id '%s' must be digits: 2 for a Land, 3 for a Regierungsbezirk, 5 for a Kreis, 8 for a Gemeinde", d.ID)
			}
		}
		d.Name = t.text("name", true)
		l.locate("district."+d.ID+".", t, "name")
		if d.ID != "" && l.define("district", t, "id", d.ID) {
			l.content.Districts = append(l.content.Districts, d)
		}
	}
}
