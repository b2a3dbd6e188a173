package source

import "wegweiser/catalog"

func (l *loader) brochuresFile(p string) {
	f, m := l.parse(p, false)
	if f == nil {
		return
	}
	top := newTable(&l.checker, f, "", p, m, "brochure")
	for i, bm := range top.tables("brochure") {
		t := newTable(&l.checker, f, "brochure["+itoa(i)+"]", "brochure", bm, "id", "area", "title", "section")
		b := catalog.Brochure{ID: t.str("id", true)}
		if b.ID != "" {
			t.what = "brochure '" + b.ID + "'"
		}
		checkID(t, "id", b.ID)
		b.Area = t.str("area", true)
		if b.Area != "" {
			l.refs = append(l.refs, ref{t, "area", "district", b.Area})
		}
		b.Title = t.text("title", true)
		l.locate("brochure."+b.ID+".", t, "title")
		sections := t.tables("section")
		if len(sections) == 0 {
			t.errorf("", "%s has no [[brochure.section]]; give at least one", t.what)
		}
		for j, sm := range sections {
			st := newTable(&l.checker, f, t.path+".section["+itoa(j)+"]", "section", sm, "heading", "body", "offers", "image")
			s := catalog.Section{
				Heading: st.text("heading", true),
				Body:    st.text("body", true),
				Offers:  st.list("offers", false),
				Image:   st.str("image", false),
			}
			l.locate("brochure."+b.ID+".section."+itoa(j+1)+".", st, "heading", "body")
			for k, o := range s.Offers {
				l.refs = append(l.refs, ref{st, "offers[" + itoa(k) + "]", "offer", o})
			}
			if s.Image != "" {
				l.media = append(l.media, mediaRef{f: f, path: join(st.path, "image"), name: s.Image})
			}
			b.Sections = append(b.Sections, s)
		}
		if b.ID != "" && l.define("brochure", t, "id", b.ID) {
			l.content.Brochures = append(l.content.Brochures, b)
		}
	}
}
