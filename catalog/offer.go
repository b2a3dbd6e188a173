package catalog

import (
	"database/sql"
	"strings"
	"time"
)

// OfferDetail is an offer in full, as its screen and the contact sheet show it.
type OfferDetail struct {
	OfferSummary
	Description Localized
	Audience    Localized
	Cost        Localized
	Categories  []string
	Languages   []string // languages the offer's staff speak
	Website     string
	ValidFrom   time.Time
	ValidUntil  time.Time
	Updated     time.Time
	Tags        []string
	Contacts    []ContactDetail
}

// ContactDetail is one way to reach an offer.
type ContactDetail struct {
	Label     Localized
	Phone     string
	Email     string
	Address   string
	Hours     string // syntax of package catalog/hours; "" when not given
	HoursNote Localized
}

// Offer returns one offer in full.
func (v View) Offer(id string) (*OfferDetail, error) {
	var key int64
	var from, until, updated, langs, tags string
	d := &OfferDetail{}
	err := v.c.db.QueryRow("SELECT key, id, website, valid_from, valid_until, updated, languages, tags FROM offer WHERE id = ?", id).
		Scan(&key, &d.ID, &d.Website, &from, &until, &updated, &langs, &tags)
	if err == sql.ErrNoRows {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	d.ValidFrom, d.ValidUntil, d.Updated = parseDate(from), parseDate(until), parseDate(updated)
	d.Languages = strings.Fields(langs)
	if tags != "" {
		d.Tags = strings.Split(tags, "\n")
	}
	if d.Categories, err = v.c.strings("SELECT oc.category FROM offer_category oc JOIN category c ON c.id = oc.category WHERE oc.offer = ? ORDER BY c.ord", key); err != nil {
		return nil, err
	}
	rows, err := v.c.db.Query("SELECT key, phone, email, address, hours FROM contact WHERE offer = ? ORDER BY ord", key)
	if err != nil {
		return nil, err
	}
	keys := []int64{key}
	for rows.Next() {
		var k int64
		var c ContactDetail
		if err := rows.Scan(&k, &c.Phone, &c.Email, &c.Address, &c.Hours); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
		d.Contacts = append(d.Contacts, c)
	}
	rows.Close()
	texts, err := v.c.texts(keys, v.chain)
	if err != nil {
		return nil, err
	}
	t := texts[key]
	d.Title, d.Provider, d.Summary = v.resolveAt(key, "title", t["title"]), v.resolveAt(key, "provider", t["provider"]), v.resolveAt(key, "summary", t["summary"])
	d.Description, d.Audience, d.Cost = v.resolveAt(key, "description", t["description"]), v.resolveAt(key, "audience", t["audience"]), v.resolveAt(key, "cost", t["cost"])
	for i := range d.Contacts {
		ck := keys[i+1]
		ct := texts[ck]
		d.Contacts[i].Label = v.resolveAt(ck, "label", ct["label"])
		d.Contacts[i].HoursNote = v.resolveAt(ck, "hours_note", ct["hours_note"])
	}
	return d, nil
}

func parseDate(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}
