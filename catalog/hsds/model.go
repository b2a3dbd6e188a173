// Package hsds writes a catalogue's offers as Open Referral HSDS 3.x
// (Human Services Data Specification) and reads them back, so that a
// region's offers can be shared with other service directories:
// organizations from providers, services from offers, phones, contacts,
// locations with addresses, schedules from opening hours, service areas
// from AGS districts, languages spoken, and the catalogue's categories as
// a taxonomy. HSDS has one language per dataset: the export is in the
// catalogue's source language.
//
// Files: DIR/services/<offer id>.json (HSDS "service" objects with their
// related objects inside, as the compiled service schema describes them)
// and DIR/organizations/<id>.json. Identifiers are UUIDs derived from the
// catalogue and the offer ids, so a second export gives the same ids.
package hsds

import (
	"crypto/sha1"
	"fmt"
)

// The HSDS objects written, with the fields Wegweiser fills.
type (
	Service struct {
		ID                 string              `json:"id"`
		OrganizationID     string              `json:"organization_id,omitempty"`
		Name               string              `json:"name"`
		Description        string              `json:"description,omitempty"`
		URL                string              `json:"url,omitempty"`
		Email              string              `json:"email,omitempty"`
		Status             string              `json:"status"`
		FeesDescription    string              `json:"fees_description,omitempty"`
		EligibilityDesc    string              `json:"eligibility_description,omitempty"`
		AssuredDate        string              `json:"assured_date,omitempty"`
		Phones             []Phone             `json:"phones"`
		Schedules          []Schedule          `json:"schedules"`
		ServiceAreas       []ServiceArea       `json:"service_areas"`
		ServiceAtLocations []ServiceAtLocation `json:"service_at_locations"`
		Languages          []Language          `json:"languages"`
		Organization       *Organization       `json:"organization,omitempty"`
		Contacts           []Contact           `json:"contacts"`
		Attributes         []Attribute         `json:"attributes"`
	}
	Organization struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description"`
		Website     string `json:"website,omitempty"`
	}
	Phone struct {
		ID          string `json:"id"`
		ServiceID   string `json:"service_id,omitempty"`
		ContactID   string `json:"contact_id,omitempty"`
		Number      string `json:"number"`
		Description string `json:"description,omitempty"`
	}
	Contact struct {
		ID        string `json:"id"`
		ServiceID string `json:"service_id,omitempty"`
		Name      string `json:"name,omitempty"`
		Email     string `json:"email,omitempty"`
	}
	Schedule struct {
		ID          string `json:"id"`
		ServiceID   string `json:"service_id,omitempty"`
		Freq        string `json:"freq,omitempty"`
		Wkst        string `json:"wkst,omitempty"`
		Byday       string `json:"byday,omitempty"`
		OpensAt     string `json:"opens_at,omitempty"`
		ClosesAt    string `json:"closes_at,omitempty"`
		Description string `json:"description,omitempty"`
		Notes       string `json:"notes,omitempty"`
	}
	ServiceArea struct {
		ID          string `json:"id"`
		ServiceID   string `json:"service_id,omitempty"`
		Name        string `json:"name,omitempty"`
		Description string `json:"description,omitempty"`
		URI         string `json:"uri,omitempty"`
	}
	ServiceAtLocation struct {
		ID        string   `json:"id"`
		ServiceID string   `json:"service_id,omitempty"`
		Location  Location `json:"location"`
	}
	Location struct {
		ID           string    `json:"id"`
		LocationType string    `json:"location_type"`
		Name         string    `json:"name,omitempty"`
		Description  string    `json:"description,omitempty"`
		Addresses    []Address `json:"addresses"`
	}
	Address struct {
		ID            string `json:"id"`
		LocationID    string `json:"location_id,omitempty"`
		Address1      string `json:"address_1"`
		City          string `json:"city"`
		StateProvince string `json:"state_province"`
		PostalCode    string `json:"postal_code"`
		Country       string `json:"country"`
		AddressType   string `json:"address_type"`
	}
	Language struct {
		ID        string `json:"id"`
		ServiceID string `json:"service_id,omitempty"`
		Name      string `json:"name,omitempty"`
		Code      string `json:"code,omitempty"`
	}
	Attribute struct {
		ID             string        `json:"id"`
		LinkID         string        `json:"link_id,omitempty"`
		TaxonomyTermID string        `json:"taxonomy_term_id,omitempty"`
		LinkType       string        `json:"link_type,omitempty"`
		LinkEntity     string        `json:"link_entity,omitempty"`
		Value          string        `json:"value,omitempty"`
		TaxonomyTerm   *TaxonomyTerm `json:"taxonomy_term,omitempty"`
	}
	TaxonomyTerm struct {
		ID          string `json:"id"`
		Code        string `json:"code,omitempty"`
		Name        string `json:"name"`
		Description string `json:"description"`
		Taxonomy    string `json:"taxonomy,omitempty"`
	}
)

// Taxonomies Wegweiser writes terms of.
const (
	CategoryTaxonomy = "wegweiser-category" // the catalogue's categories
	IDTaxonomy       = "wegweiser-id"       // the offer's id in the catalogue, for the way back
	AGSPrefix        = "urn:ags:"           // a service area's uri: the AGS of a district
)

// uuid is a name-based UUID (version 5 layout) of parts: the same
// catalogue and offer give the same id in every export.
func uuid(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%s\x00", p)
	}
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
