package hsds

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/qr"
)

// länder names the German Länder by the first two digits of an AGS, for
// an address's state_province.
var länder = map[string]string{
	"01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
	"05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
	"09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
	"14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}

var hsdsDays = [7]string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// Services makes the HSDS services of a catalogue's offers, with their
// organizations (one per provider), as of now (an offer past its
// valid_until is inactive).
func Services(c *catalog.Content, now time.Time) ([]Service, []Organization) {
	src := c.Meta.SourceLanguage
	cat := map[string]catalog.Category{}
	for _, x := range c.Categories {
		cat[x.ID] = x
	}
	dist := map[string]string{}
	for _, d := range c.Districts {
		dist[d.ID] = d.Name[src]
	}
	orgs := map[string]Organization{}
	var services []Service
	for _, o := range c.Offers {
		sid := uuid(c.Meta.ID, "service", o.ID)
		s := Service{ID: sid, Name: o.Title[src], Description: joinParagraphs(o.Summary[src], o.Description[src]),
			URL: o.Website, Status: "active", FeesDescription: o.Cost[src], EligibilityDesc: o.Audience[src],
			Phones: []Phone{}, Schedules: []Schedule{}, ServiceAreas: []ServiceArea{}, ServiceAtLocations: []ServiceAtLocation{},
			Languages: []Language{}, Contacts: []Contact{}, Attributes: []Attribute{}}
		if !o.ValidUntil.IsZero() && now.After(o.ValidUntil.AddDate(0, 0, 1)) {
			s.Status = "inactive"
		}
		if !o.Updated.IsZero() {
			s.AssuredDate = o.Updated.Format(time.DateOnly)
		}
		if p := o.Provider[src]; p != "" {
			org := Organization{ID: uuid(c.Meta.ID, "organization", p), Name: p, Description: p}
			orgs[org.ID] = org
			s.OrganizationID, s.Organization = org.ID, &org
		}
		s.Attributes = append(s.Attributes, Attribute{ID: uuid(sid, "id"), LinkID: sid, LinkType: "service", LinkEntity: "service",
			TaxonomyTermID: uuid(IDTaxonomy), Value: o.ID,
			TaxonomyTerm: &TaxonomyTerm{ID: uuid(IDTaxonomy), Name: "Wegweiser offer id", Description: "The offer's id in the Wegweiser catalogue " + c.Meta.ID, Taxonomy: IDTaxonomy}})
		for _, id := range o.Categories {
			term := &TaxonomyTerm{ID: uuid(c.Meta.ID, "category", id), Code: id, Name: cat[id].Name[src], Description: cat[id].Description[src], Taxonomy: CategoryTaxonomy}
			if term.Description == "" {
				term.Description = term.Name
			}
			s.Attributes = append(s.Attributes, Attribute{ID: uuid(sid, "category", id), LinkID: sid, LinkType: "service", LinkEntity: "service",
				TaxonomyTermID: term.ID, TaxonomyTerm: term})
		}
		for _, a := range o.Areas {
			name := dist[a]
			if a == "00" {
				name = "Deutschland"
			}
			s.ServiceAreas = append(s.ServiceAreas, ServiceArea{ID: uuid(sid, "area", a), ServiceID: sid, Name: name, Description: "AGS " + a, URI: AGSPrefix + a})
		}
		for _, l := range o.Languages {
			s.Languages = append(s.Languages, Language{ID: uuid(sid, "language", l), ServiceID: sid, Name: catalog.NativeName(l), Code: l})
		}
		for i, ct := range o.Contacts {
			n := fmt.Sprint(i + 1)
			label := ct.Label[src]
			cid := uuid(sid, "contact", n)
			s.Contacts = append(s.Contacts, Contact{ID: cid, ServiceID: sid, Name: label, Email: ct.Email})
			if ct.Phone != "" {
				s.Phones = append(s.Phones, Phone{ID: uuid(sid, "phone", n), ServiceID: sid, ContactID: cid, Number: ct.Phone, Description: label})
			}
			if ct.Address != "" {
				s.ServiceAtLocations = append(s.ServiceAtLocations, location(sid, n, label, ct.Address, o.Areas))
			}
			s.Schedules = append(s.Schedules, schedules(sid, n, ct.Hours, ct.HoursNote[src])...)
		}
		services = append(services, s)
	}
	var list []Organization
	for _, o := range orgs {
		list = append(list, o)
	}
	slices.SortFunc(list, func(a, b Organization) int { return strings.Compare(a.ID, b.ID) })
	return services, list
}

func joinParagraphs(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// location is a contact's address as an HSDS location.
func location(sid, n, label, address string, areas []string) ServiceAtLocation {
	lid := uuid(sid, "location", n)
	loc := Location{ID: lid, LocationType: "physical", Name: label, Addresses: []Address{}}
	street, code, city := qr.SplitAddress(address)
	if code == "" {
		loc.Description = address // not a German street address: kept as text
	} else {
		state := ""
		for _, a := range areas {
			if len(a) >= 2 && länder[a[:2]] != "" {
				state = länder[a[:2]]
				break
			}
		}
		loc.Addresses = append(loc.Addresses, Address{ID: uuid(sid, "address", n), LocationID: lid, Address1: street, City: city,
			StateProvince: state, PostalCode: code, Country: "DE", AddressType: "physical"})
	}
	return ServiceAtLocation{ID: uuid(sid, "service_at_location", n), ServiceID: sid, Location: loc}
}

// schedules are a contact's opening hours as HSDS schedules: one weekly
// rule per group of days and span. The contact's number is in notes, so
// that the way back finds whose hours they are. Hours that do not parse
// are kept as a description.
func schedules(sid, n, text, note string) []Schedule {
	if strings.TrimSpace(text) == "" {
		if note == "" {
			return nil
		}
		return []Schedule{{ID: uuid(sid, "schedule", n, "note"), ServiceID: sid, Description: note, Notes: "contact " + n}}
	}
	s, err := hours.Parse(text)
	if err != nil {
		return []Schedule{{ID: uuid(sid, "schedule", n), ServiceID: sid, Description: strings.TrimSpace(text + "\n" + note), Notes: "contact " + n}}
	}
	var out []Schedule
	for gi, g := range s.DayGroups() {
		var days []string
		for _, r := range g.Runs {
			for d := r[0]; d <= r[1]; d++ {
				days = append(days, hsdsDays[d])
			}
		}
		for si, sp := range g.Spans {
			out = append(out, Schedule{ID: uuid(sid, "schedule", n, fmt.Sprint(gi), fmt.Sprint(si)), ServiceID: sid, Freq: "WEEKLY", Wkst: "MO",
				Byday: strings.Join(days, ","), OpensAt: clock(sp.From), ClosesAt: clock(sp.To), Description: note, Notes: "contact " + n})
		}
		if len(g.Spans) == 0 { // days named closed
			out = append(out, Schedule{ID: uuid(sid, "schedule", n, fmt.Sprint(gi)), ServiceID: sid, Freq: "WEEKLY", Wkst: "MO",
				Byday: strings.Join(days, ","), Description: "closed", Notes: "contact " + n})
		}
	}
	return out
}

func clock(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }

// Write writes services and organizations as JSON files into dir.
func Write(dir string, services []Service, orgs []Organization) error {
	for _, sub := range []string{"services", "organizations"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	for _, s := range services {
		if err := writeJSON(filepath.Join(dir, "services", offerID(s)+".json"), s); err != nil {
			return err
		}
	}
	for _, o := range orgs {
		if err := writeJSON(filepath.Join(dir, "organizations", o.ID+".json"), o); err != nil {
			return err
		}
	}
	return nil
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(b, '\n'), 0o644)
}

// offerID is the catalogue's id of a service's offer, from its attribute.
func offerID(s Service) string {
	for _, a := range s.Attributes {
		if a.TaxonomyTerm != nil && a.TaxonomyTerm.Taxonomy == IDTaxonomy && a.Value != "" {
			return a.Value
		}
	}
	return s.ID
}
