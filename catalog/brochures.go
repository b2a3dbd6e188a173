package catalog

import (
	"database/sql"
)

// BrochureSummary is a brochure as listed on the home screen.
type BrochureSummary struct {
	ID    string
	Area  string
	Title Localized
}

// BrochureDetail is a brochure in full, page by page.
type BrochureDetail struct {
	BrochureSummary
	Sections []SectionDetail
}

// SectionDetail is one page of a brochure.
type SectionDetail struct {
	Heading Localized
	Body    Localized
	Offers  []string // ids of offers whose contacts close the section
	Image   string   // media path, "" for none
}

// Brochures lists the brochures for the areas covering district (all when
// district is ""), the most local first, in catalogue order.
func (v View) Brochures(district string) ([]BrochureSummary, error) {
	cond, args := areaFilter("area", district)
	rows, err := v.c.db.Query("SELECT key, id, area FROM brochure WHERE "+cond+" ORDER BY length(area) DESC, ord", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []int64
	var out []BrochureSummary
	for rows.Next() {
		var k int64
		var b BrochureSummary
		if err := rows.Scan(&k, &b.ID, &b.Area); err != nil {
			return nil, err
		}
		keys = append(keys, k)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	texts, err := v.c.texts(keys, v.chain, "title")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Title = v.resolveAt(keys[i], "title", texts[keys[i]]["title"])
	}
	return out, nil
}

// Brochure returns one brochure in full.
func (v View) Brochure(id string) (*BrochureDetail, error) {
	var key int64
	b := &BrochureDetail{}
	if err := v.c.db.QueryRow("SELECT key, id, area FROM brochure WHERE id = ?", id).Scan(&key, &b.ID, &b.Area); err != nil {
		if err == sql.ErrNoRows {
			return nil, ErrNotFound
		}
		return nil, err
	}
	rows, err := v.c.db.Query("SELECT key, image FROM section WHERE brochure = ? ORDER BY ord", key)
	if err != nil {
		return nil, err
	}
	keys := []int64{key}
	for rows.Next() {
		var k int64
		var s SectionDetail
		if err := rows.Scan(&k, &s.Image); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
		b.Sections = append(b.Sections, s)
	}
	rows.Close()
	texts, err := v.c.texts(keys, v.chain)
	if err != nil {
		return nil, err
	}
	b.Title = v.resolveAt(key, "title", texts[key]["title"])
	for i := range b.Sections {
		sk := keys[i+1]
		b.Sections[i].Heading = v.resolveAt(sk, "heading", texts[sk]["heading"])
		b.Sections[i].Body = v.resolveAt(sk, "body", texts[sk]["body"])
		offers, err := v.c.strings("SELECT offer FROM section_offer WHERE section = ? ORDER BY ord", sk)
		if err != nil {
			return nil, err
		}
		b.Sections[i].Offers = offers
	}
	return b, nil
}

// Media returns an image that a brochure section names.
func (c *Catalog) Media(path string) ([]byte, error) {
	var data []byte
	if err := c.db.QueryRow("SELECT data FROM media WHERE path = ?", path).Scan(&data); err != nil {
		if err == sql.ErrNoRows {
			return nil, ErrNotFound
		}
		return nil, err
	}
	return data, nil
}
