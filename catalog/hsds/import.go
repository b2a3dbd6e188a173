package hsds

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/importcsv"
)

// ReadServices reads the services of an HSDS folder (DIR/services/*.json,
// as Write writes them, or any HSDS 3 services with their related objects
// inside).
func ReadServices(dir string) ([]Service, error) {
	names, err := filepath.Glob(filepath.Join(dir, "services", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s has no services/*.json", dir)
	}
	slices.Sort(names)
	var out []Service
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var s Service
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("%s is not an HSDS service: %w", n, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// Offers maps HSDS services back to offers in the source language src, and
// names, per service, what it could not map.
func Offers(services []Service, src string) ([]catalog.Offer, []string) {
	var offers []catalog.Offer
	var unmapped []string
	note := func(s Service, format string, args ...any) {
		unmapped = append(unmapped, fmt.Sprintf("service %q: ", s.Name)+fmt.Sprintf(format, args...))
	}
	for _, s := range services {
		o := catalog.Offer{ID: offerID(s), Title: text(src, s.Name), Website: s.URL}
		if o.ID == s.ID { // no Wegweiser id: one from the name
			o.ID = importcsv.IDFromTitle(s.Name)
			if o.ID == "" {
				o.ID = "offer"
			}
		}
		summary, description, _ := strings.Cut(s.Description, "\n\n")
		o.Summary, o.Description = text(src, summary), text(src, description)
		o.Cost, o.Audience = text(src, s.FeesDescription), text(src, s.EligibilityDesc)
		if s.Organization != nil {
			o.Provider = text(src, s.Organization.Name)
		}
		if s.AssuredDate != "" {
			if d, err := time.Parse(time.DateOnly, s.AssuredDate); err == nil {
				o.Updated = d
			}
		}
		for _, a := range s.Attributes {
			if a.TaxonomyTerm != nil && a.TaxonomyTerm.Taxonomy == CategoryTaxonomy && a.TaxonomyTerm.Code != "" {
				o.Categories = append(o.Categories, a.TaxonomyTerm.Code)
			} else if a.TaxonomyTerm == nil || a.TaxonomyTerm.Taxonomy != IDTaxonomy {
				note(s, "attribute %q is not a Wegweiser category; left out", a.Value)
			}
		}
		for _, a := range s.ServiceAreas {
			if ags, ok := strings.CutPrefix(a.URI, AGSPrefix); ok {
				o.Areas = append(o.Areas, ags)
			} else {
				note(s, "service area %q has no AGS (uri %s…); left out", a.Name, AGSPrefix)
			}
		}
		for _, l := range s.Languages {
			if l.Code != "" {
				o.Languages = append(o.Languages, l.Code)
			}
		}
		o.Contacts = contacts(s, src, note)
		offers = append(offers, o)
	}
	return offers, unmapped
}

// contacts rebuilds an offer's contacts: contact, phone, location and
// schedules belong together by the contact's number in their ids' notes,
// or by contact_id.
func contacts(s Service, src string, note func(Service, string, ...any)) []catalog.Contact {
	var out []catalog.Contact
	index := map[string]int{} // contact id → its index
	for _, c := range s.Contacts {
		index[c.ID] = len(out)
		out = append(out, catalog.Contact{Label: text(src, c.Name), Email: c.Email})
	}
	at := func(n int) *catalog.Contact {
		for len(out) <= n {
			out = append(out, catalog.Contact{})
		}
		return &out[n]
	}
	for i, p := range s.Phones {
		n, ok := index[p.ContactID]
		if !ok {
			n = i
		}
		at(n).Phone = p.Number
	}
	for i, sal := range s.ServiceAtLocations {
		n := i
		for j, c := range s.Contacts {
			if uuid(s.ID, "location", strconv.Itoa(j+1)) == sal.Location.ID || c.Name != "" && c.Name == sal.Location.Name {
				n = j
				break
			}
		}
		switch {
		case len(sal.Location.Addresses) > 0:
			a := sal.Location.Addresses[0]
			at(n).Address = a.Address1 + ", " + a.PostalCode + " " + a.City
		case sal.Location.Description != "":
			at(n).Address = sal.Location.Description
		}
	}
	// Schedules: per contact (their notes say "contact N"), rules joined again.
	rules := map[int][]string{}
	for _, sc := range s.Schedules {
		n := 0
		if rest, ok := strings.CutPrefix(sc.Notes, "contact "); ok {
			if k, err := strconv.Atoi(rest); err == nil && k > 0 {
				n = k - 1
			}
		}
		switch {
		case sc.Freq == "WEEKLY" && sc.Byday != "":
			days := dayRanges(sc.Byday)
			if days == "" {
				note(s, "schedule %q has days that are not weekdays; left out", sc.Byday)
				continue
			}
			if sc.OpensAt != "" && sc.ClosesAt != "" {
				rules[n] = append(rules[n], days+" "+sc.OpensAt+"-"+sc.ClosesAt)
			} else if sc.Description == "closed" {
				rules[n] = append(rules[n], days+" off")
				continue
			}
			if sc.Description != "" && sc.Description != "closed" {
				at(n).HoursNote = text(src, sc.Description)
			}
		case sc.Freq == "" && sc.Description != "":
			at(n).HoursNote = text(src, sc.Description)
		default:
			note(s, "schedule %s (%s %s) cannot be written as opening hours; left out", sc.ID, sc.Freq, sc.Byday)
		}
	}
	for n, rs := range rules {
		at(n).Hours = strings.Join(mergeRules(rs), "; ")
	}
	return out
}

var weekday = map[string]int{"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
var hoursDay = [7]string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}

// dayRanges writes HSDS days ("MO,TU,WE,TH") in the hours syntax ("Mo-Th").
func dayRanges(byday string) string {
	var days []int
	for _, d := range strings.Split(byday, ",") {
		i, ok := weekday[strings.TrimSpace(d)]
		if !ok {
			return ""
		}
		days = append(days, i)
	}
	slices.Sort(days)
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, hoursDay[days[i]]+"-"+hoursDay[days[j]])
		} else {
			parts = append(parts, hoursDay[days[i]])
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// mergeRules joins rules of the same days into one ("Mo-Th 08:00-12:00",
// "Mo-Th 13:00-16:00" → "Mo-Th 08:00-12:00,13:00-16:00").
func mergeRules(rules []string) []string {
	var order []string
	spans := map[string][]string{}
	for _, r := range rules {
		days, span, _ := strings.Cut(r, " ")
		if _, ok := spans[days]; !ok {
			order = append(order, days)
		}
		spans[days] = append(spans[days], span)
	}
	var out []string
	for _, d := range order {
		out = append(out, d+" "+strings.Join(spans[d], ","))
	}
	return out
}

func text(lang, s string) catalog.Text {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return catalog.Text{lang: s}
}
