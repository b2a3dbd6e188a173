package source

import (
	"sort"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
)

var offerKeys = []string{"id", "title", "provider", "categories", "areas", "summary", "description", "audience", "cost",
	"languages", "website", "valid_from", "valid_until", "updated", "tags", "contact"}

var contactKeys = []string{"label", "phone", "email", "address", "hours", "hours_note"}

func (l *loader) offersFile(p string) {
	f, m := l.parse(p, true)
	if f == nil {
		return
	}
	top := newTable(&l.checker, f, "", p, m, "offer")
	for i, om := range top.tables("offer") {
		t := newTable(&l.checker, f, "offer["+itoa(i)+"]", "offer", om, offerKeys...)
		o := catalog.Offer{ID: t.str("id", true)}
		if o.ID != "" {
			t.what = "offer '" + o.ID + "'"
		}
		checkID(t, "id", o.ID)
		o.Title = t.text("title", true)
		o.Provider = t.text("provider", true)
		o.Categories = t.list("categories", true)
		o.Areas = t.list("areas", true)
		o.Summary = t.text("summary", true)
		checkSummaryLength(t, "summary", o.Summary)
		o.Description = t.text("description", false)
		o.Audience = t.text("audience", false)
		o.Cost = t.text("cost", false)
		o.Languages = t.list("languages", false)
		checkLanguages(t, "languages", o.Languages)
		o.Website = t.str("website", false)
		checkURL(t, "website", o.Website)
		o.ValidFrom = t.date("valid_from")
		o.ValidUntil = t.date("valid_until")
		if !o.ValidFrom.IsZero() && !o.ValidUntil.IsZero() && o.ValidUntil.Before(o.ValidFrom) {
			t.errorf("valid_until", "valid_until %s is before valid_from %s", o.ValidUntil.Format("2006-01-02"), o.ValidFrom.Format("2006-01-02"))
		}
		o.Updated = t.date("updated")
		l.locate("offer."+o.ID+".", t, "title", "provider", "summary", "description", "audience", "cost")
		l.checkFresh(t, o)
		o.Tags = t.list("tags", false)
		for j, cm := range t.tables("contact") {
			ct := newTable(&l.checker, f, t.path+".contact["+itoa(j)+"]", "contact", cm, contactKeys...)
			o.Contacts = append(o.Contacts, l.contact(ct))
			l.locate("offer."+o.ID+".contact."+itoa(j+1)+".", ct, "label", "hours_note")
		}
		for j, c := range o.Categories {
			l.refs = append(l.refs, ref{t, "categories[" + itoa(j) + "]", "category", c})
		}
		for j, a := range o.Areas {
			l.refs = append(l.refs, ref{t, "areas[" + itoa(j) + "]", "district", a})
		}
		if o.ID != "" && l.define("offer", t, "id", o.ID) {
			l.content.Offers = append(l.content.Offers, o)
		}
	}
}

func (l *loader) contact(t *table) catalog.Contact {
	c := catalog.Contact{
		Label:     t.text("label", false),
		Phone:     t.str("phone", false),
		Email:     t.str("email", false),
		Address:   t.str("address", false),
		Hours:     t.str("hours", false),
		HoursNote: t.text("hours_note", false),
	}
	checkPhone(t, "phone", c.Phone)
	checkEmail(t, "email", c.Email)
	checkOneLine(t, "address", c.Address)
	if c.Hours != "" {
		if _, err := hours.Parse(c.Hours); err != nil {
			t.errorf("hours", "opening hours '%s': %v", c.Hours, err)
		}
	}
	if !hasAnyKey(t.m, "phone", "email", "address") {
		t.errorf("", "a contact needs at least one of 'phone', 'email' or 'address'")
	}
	return c
}

func hasAnyKey(m map[string]any, keys ...string) bool {
	for _, k := range keys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
