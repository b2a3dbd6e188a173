package hsds

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/catalog/source"
)

func sample(t *testing.T) *catalog.Content {
	t.Helper()
	c, problems := source.Load(assets.SampleSource())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	return c
}

// schema compiles one of HSDS's schemas (testdata/schema, as published:
// each object in its file, referring to the others by file name).
func schema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	const base = "https://hsds.invalid/schema/"
	c := jsonschema.NewCompiler()
	files, _ := filepath.Glob(filepath.Join("testdata", "schema", "*.json"))
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(base+filepath.Base(file), doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(base + name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Issue 14: the sample catalogue's HSDS export validates against the
// published HSDS 3 schemas (service and organization).
func TestExportValidatesAgainstHSDSSchemas(t *testing.T) {
	dir := t.TempDir()
	services, orgs := Services(sample(t), time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	if err := Write(dir, services, orgs); err != nil {
		t.Fatal(err)
	}
	for file, sch := range map[string]*jsonschema.Schema{"services": schema(t, "service.json"), "organizations": schema(t, "organization.json")} {
		names, _ := filepath.Glob(filepath.Join(dir, file, "*.json"))
		if len(names) == 0 {
			t.Fatalf("no %s written", file)
		}
		for _, n := range names {
			f, _ := os.Open(n)
			doc, err := jsonschema.UnmarshalJSON(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("%s: %v", filepath.Base(n), err)
			}
		}
	}
	// The schema is no formality: a wrong status fails it.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"id": "x", "name": "y", "status": "open"}`))
	if schema(t, "service.json").Validate(bad) == nil {
		t.Error("a service with status 'open' passed the schema")
	}
	// Nor are the related objects: a phone without a number fails it.
	bad, _ = jsonschema.UnmarshalJSON(strings.NewReader(`{"id": "x", "name": "y", "status": "active", "phones": [{"id": "p"}]}`))
	if schema(t, "service.json").Validate(bad) == nil {
		t.Error("a phone without a number passed the schema")
	}
	var s Service
	b, _ := os.ReadFile(filepath.Join(dir, "services", "wir-programm.json"))
	json.Unmarshal(b, &s)
	if len(s.Schedules) == 0 || s.Schedules[0].Byday != "MO,TU,WE,TH" || s.Schedules[0].OpensAt != "08:00" || s.Schedules[0].ClosesAt != "16:00" {
		t.Errorf("schedules of wir-programm: %+v", s.Schedules)
	}
}

// Issue 14: the round trip of the sample loses no offer, contact or
// opening hour.
func TestRoundTripLosesNothing(t *testing.T) {
	c := sample(t)
	dir := t.TempDir()
	services, orgs := Services(c, time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	if err := Write(dir, services, orgs); err != nil {
		t.Fatal(err)
	}
	read, err := ReadServices(dir)
	if err != nil {
		t.Fatal(err)
	}
	offers, unmapped := Offers(read, c.Meta.SourceLanguage)
	if len(unmapped) > 0 {
		t.Errorf("unmapped: %v", unmapped)
	}
	if len(offers) != len(c.Offers) {
		t.Fatalf("%d offers back, %d out", len(offers), len(c.Offers))
	}
	back := map[string]catalog.Offer{}
	for _, o := range offers {
		back[o.ID] = o
	}
	src := c.Meta.SourceLanguage
	for _, o := range c.Offers {
		b, ok := back[o.ID]
		if !ok {
			t.Errorf("offer %s lost", o.ID)
			continue
		}
		if b.Title[src] != o.Title[src] || b.Provider[src] != o.Provider[src] || b.Website != o.Website ||
			strings.Join(b.Categories, ",") != strings.Join(o.Categories, ",") || strings.Join(b.Areas, ",") != strings.Join(o.Areas, ",") {
			t.Errorf("%s: %+v\nwas %+v", o.ID, b, o)
		}
		if len(b.Contacts) != len(o.Contacts) {
			t.Errorf("%s: %d contacts back, %d out", o.ID, len(b.Contacts), len(o.Contacts))
			continue
		}
		for i, ct := range o.Contacts {
			got := b.Contacts[i]
			if got.Phone != ct.Phone || got.Email != ct.Email || got.Address != ct.Address || got.Label[src] != ct.Label[src] || got.HoursNote[src] != ct.HoursNote[src] {
				t.Errorf("%s contact %d: %+v\nwas %+v", o.ID, i+1, got, ct)
			}
			if !sameHours(ct.Hours, got.Hours) {
				t.Errorf("%s contact %d: hours %q, was %q", o.ID, i+1, got.Hours, ct.Hours)
			}
		}
	}
}

func sameHours(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := hours.Parse(a)
	y, err2 := hours.Parse(b)
	return err1 == nil && err2 == nil && x.String() == y.String()
}
