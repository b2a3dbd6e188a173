package source

import "wegweiser/catalog"

func (l *loader) categoriesFile() {
	f, m := l.parse("categories.toml", true)
	if f == nil {
		return
	}
	top := newTable(&l.checker, f, "", "categories.toml", m, "category")
	list := top.tables("category")
	if len(list) == 0 {
		top.errorf("", "categories.toml has no [[category]] tables")
	}
	for i, cm := range list {
		t := newTable(&l.checker, f, "category["+itoa(i)+"]", "category", cm, "id", "name", "description", "icon")
		c := catalog.Category{ID: t.str("id", true)}
		if c.ID != "" {
			t.what = "category '" + c.ID + "'"
		}
		checkID(t, "id", c.ID)
		c.Name = t.text("name", true)
		c.Description = t.text("description", false)
		l.locate("category."+c.ID+".", t, "name", "description")
		c.Icon = t.str("icon", false)
		if c.Icon != "" && !contains(catalog.Icons, c.Icon) {
			t.warnf("icon", "unknown icon '%s'%s (the icons are: %v)", c.Icon, didYouMean(c.Icon, catalog.Icons), catalog.Icons)
		}
		if c.ID != "" && l.define("category", t, "id", c.ID) {
			l.content.Categories = append(l.content.Categories, c)
		}
	}
}
