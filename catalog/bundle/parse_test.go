package bundle

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const (
	validHash  = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	validKeyID = "0123456789abcdef"
)

// validManifestJSON is a correct manifest; each refused case below changes
// one thing in it.
var validManifestJSON = `{"format":1,"catalog_id":"suedniedersachsen","version":7,` +
	`"issued":"2025-03-01T12:00:00Z","expires":"2025-08-28T12:00:00Z",` +
	`"size":4,"sha256":"` + validHash + `","key_id":"` + validKeyID + `"}`

func TestParseManifestValid(t *testing.T) {
	want := Manifest{
		Format:    1,
		CatalogID: "suedniedersachsen",
		Version:   7,
		Issued:    testIssued,
		Expires:   time.Date(2025, 8, 28, 12, 0, 0, 0, time.UTC),
		Size:      4,
		SHA256:    validHash,
		KeyID:     validKeyID,
	}
	for name, text := range map[string]string{
		"compact":          validManifestJSON,
		"white space":      " \n{ \"format\" : 1 ,\n" + validManifestJSON[len(`{"format":1,`):] + "\n\t ",
		"other key order":  `{"key_id":"` + validKeyID + `","sha256":"` + validHash + `","size":4,"expires":"2025-08-28T12:00:00Z","issued":"2025-03-01T12:00:00Z","version":7,"catalog_id":"suedniedersachsen","format":1}`,
		"escaped key text": strings.Replace(validManifestJSON, `"version"`, `"vers\u0069on"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ParseManifest([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if !sameManifest(got, want) || got.Issued.Location() != time.UTC || got.Expires.Location() != time.UTC {
				t.Fatalf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestParseManifestRefuses(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(validManifestJSON, old) {
			panic("test case does not apply: " + old)
		}
		return strings.Replace(validManifestJSON, old, new, 1)
	}
	drop := func(field string) string {
		i := strings.Index(validManifestJSON, `"`+field+`":`)
		j := i + strings.IndexAny(validManifestJSON[i:], ",}")
		s := validManifestJSON[:i] + validManifestJSON[j+1:]
		s = strings.TrimSuffix(s, ",") // dropped the last field
		if !strings.HasSuffix(s, "}") {
			s += "}"
		}
		return s
	}
	body := validManifestJSON[:len(validManifestJSON)-1] // without the closing brace

	for name, tc := range map[string]struct {
		text string
		want error
		says string
	}{
		// structure
		"empty":             {"", ErrBadManifest, "not a JSON object"},
		"only space":        {"  ", ErrBadManifest, "not a JSON object"},
		"array":             {"[" + validManifestJSON + "]", ErrBadManifest, "not a JSON object"},
		"string":            {`"x"`, ErrBadManifest, "not a JSON object"},
		"null":              {"null", ErrBadManifest, "not a JSON object"},
		"empty object":      {"{}", ErrBadManifest, "missing"},
		"unclosed":          {body, ErrBadManifest, "not valid JSON"},
		"trailing comma":    {body + ",}", ErrBadManifest, "not valid JSON"},
		"missing comma":     {replace(`,"version"`, ` "version"`), ErrBadManifest, "not valid JSON"},
		"trailing object":   {validManifestJSON + "{}", ErrBadManifest, "more after"},
		"trailing text":     {validManifestJSON + "x", ErrBadManifest, "more after"},
		"trailing brace":    {validManifestJSON + "}", ErrBadManifest, "more after"},
		"trailing zero":     {validManifestJSON + "\x00", ErrBadManifest, "more after"},
		"two objects":       {validManifestJSON + validManifestJSON, ErrBadManifest, "more after"},
		"too large":         {validManifestJSON + strings.Repeat(" ", MaxManifestSize), ErrManifestTooLarge, "at most 65536"},
		"duplicate":         {body + `,"version":8}`, ErrBadManifest, `"version" appears twice`},
		"duplicate same":    {body + `,"format":1}`, ErrBadManifest, `"format" appears twice`},
		"case variant":      {body + `,"VERSION":8}`, ErrBadManifest, `unknown field "VERSION"`},
		"case only":         {replace(`"version"`, `"Version"`), ErrBadManifest, `unknown field "Version"`},
		"escaped duplicate": {body + `,"vers\u0069on":8}`, ErrBadManifest, `"version" appears twice`},
		"unknown":           {body + `,"comment":"x"}`, ErrBadManifest, `unknown field "comment"`},
		"unknown nested":    {body + `,"x":{"y":[1,2]}}`, ErrBadManifest, `unknown field "x"`},
		"empty key":         {body + `,"":1}`, ErrBadManifest, `unknown field ""`},

		// missing fields
		"no format":     {drop("format"), ErrBadManifest, `"format" is missing`},
		"no catalog_id": {drop("catalog_id"), ErrBadManifest, `"catalog_id" is missing`},
		"no version":    {drop("version"), ErrBadManifest, `"version" is missing`},
		"no issued":     {drop("issued"), ErrBadManifest, `"issued" is missing`},
		"no expires":    {drop("expires"), ErrBadManifest, `"expires" is missing`},
		"no size":       {drop("size"), ErrBadManifest, `"size" is missing`},
		"no sha256":     {drop("sha256"), ErrBadManifest, `"sha256" is missing`},
		"no key_id":     {drop("key_id"), ErrBadManifest, `"key_id" is missing`},

		// format
		"format 2":       {replace(`"format":1`, `"format":2`), ErrUnsupportedFormat, "format 2"},
		"format 0":       {replace(`"format":1`, `"format":0`), ErrUnsupportedFormat, "format 0"},
		"format text":    {replace(`"format":1`, `"format":"1"`), ErrBadManifest, "format must be a number, not text"},
		"format 1.0":     {replace(`"format":1`, `"format":1.0`), ErrBadManifest, "whole number"},
		"format null":    {replace(`"format":1`, `"format":null`), ErrBadManifest, "not null"},
		"format 2^32+1":  {replace(`"format":1`, `"format":4294967297`), ErrUnsupportedFormat, "format 4294967297"},
		"format true":    {replace(`"format":1`, `"format":true`), ErrBadManifest, "not true or false"},
		"format in list": {replace(`"format":1`, `"format":[1]`), ErrBadManifest, "nested"},

		// catalog_id
		"id empty":      {replace(`"suedniedersachsen"`, `""`), ErrBadManifest, "not a catalogue id"},
		"id upper":      {replace(`"suedniedersachsen"`, `"Suedniedersachsen"`), ErrBadManifest, "not a catalogue id"},
		"id dash first": {replace(`"suedniedersachsen"`, `"-sued"`), ErrBadManifest, "not a catalogue id"},
		"id slash":      {replace(`"suedniedersachsen"`, `"sued/nord"`), ErrBadManifest, "not a catalogue id"},
		"id dots":       {replace(`"suedniedersachsen"`, `".."`), ErrBadManifest, "not a catalogue id"},
		"id umlaut":     {replace(`"suedniedersachsen"`, `"südniedersachsen"`), ErrBadManifest, "not a catalogue id"},
		"id 65 chars":   {replace(`"suedniedersachsen"`, `"`+strings.Repeat("a", 65)+`"`), ErrBadManifest, "not a catalogue id"},
		"id number":     {replace(`"suedniedersachsen"`, `7`), ErrBadManifest, "catalog_id must be text"},

		// version
		"version 0":         {replace(`"version":7`, `"version":0`), ErrBadManifest, "greater than 0"},
		"version negative":  {replace(`"version":7`, `"version":-7`), ErrBadManifest, "greater than 0"},
		"version minus 0":   {replace(`"version":7`, `"version":-0`), ErrBadManifest, "greater than 0"},
		"version fraction":  {replace(`"version":7`, `"version":7.5`), ErrBadManifest, "whole number"},
		"version exponent":  {replace(`"version":7`, `"version":7e3`), ErrBadManifest, "whole number"},
		"version overflow":  {replace(`"version":7`, `"version":9223372036854775808`), ErrBadManifest, "64 bits"},
		"version text":      {replace(`"version":7`, `"version":"7"`), ErrBadManifest, "version must be a number, not text"},
		"version leading 0": {replace(`"version":7`, `"version":07`), ErrBadManifest, "version"},

		// times
		"issued offset":      {replace(`"2025-03-01T12:00:00Z"`, `"2025-03-01T13:00:00+01:00"`), ErrBadManifest, "UTC time"},
		"issued zero offset": {replace(`"2025-03-01T12:00:00Z"`, `"2025-03-01T12:00:00+00:00"`), ErrBadManifest, "UTC time"},
		"issued fraction":    {replace(`"2025-03-01T12:00:00Z"`, `"2025-03-01T12:00:00.5Z"`), ErrBadManifest, "UTC time"},
		"issued lower z":     {replace(`"2025-03-01T12:00:00Z"`, `"2025-03-01t12:00:00z"`), ErrBadManifest, "UTC time"},
		"issued date only":   {replace(`"2025-03-01T12:00:00Z"`, `"2025-03-01"`), ErrBadManifest, "UTC time"},
		"issued unix":        {replace(`"2025-03-01T12:00:00Z"`, `1740830400`), ErrBadManifest, "issued must be text"},
		"expires bad month":  {replace(`"2025-08-28T12:00:00Z"`, `"2025-13-28T12:00:00Z"`), ErrBadManifest, "UTC time"},
		"expires empty":      {replace(`"2025-08-28T12:00:00Z"`, `""`), ErrBadManifest, "UTC time"},
		"expires = issued":   {replace(`"2025-08-28T12:00:00Z"`, `"2025-03-01T12:00:00Z"`), ErrBadManifest, "later than issued"},
		"expires < issued":   {replace(`"2025-08-28T12:00:00Z"`, `"2025-03-01T11:59:59Z"`), ErrBadManifest, "later than issued"},

		// size
		"size 0":        {replace(`"size":4`, `"size":0`), ErrBadManifest, "size must be greater than 0"},
		"size negative": {replace(`"size":4`, `"size":-4`), ErrBadManifest, "size must be greater than 0"},
		"size text":     {replace(`"size":4`, `"size":"4"`), ErrBadManifest, "size must be a number"},
		"size float":    {replace(`"size":4`, `"size":4.0`), ErrBadManifest, "whole number"},

		// hashes
		"sha256 empty":     {replace(validHash, ""), ErrBadManifest, "64 lower-case hex digits"},
		"sha256 upper":     {replace(validHash, strings.ToUpper(validHash)), ErrBadManifest, "64 lower-case hex digits"},
		"sha256 non-hex":   {replace(validHash, "g"+validHash[1:]), ErrBadManifest, "64 lower-case hex digits"},
		"sha256 short":     {replace(validHash, validHash[:63]), ErrBadManifest, "64 lower-case hex digits"},
		"sha256 long":      {replace(validHash, validHash+"0"), ErrBadManifest, "64 lower-case hex digits"},
		"sha256 spaces":    {replace(validHash, " "+validHash[1:]), ErrBadManifest, "64 lower-case hex digits"},
		"sha256 null":      {replace(`"`+validHash+`"`, "null"), ErrBadManifest, "sha256 must be text, not null"},
		"key_id empty":     {replace(validKeyID, ""), ErrBadManifest, "16 lower-case hex digits"},
		"key_id upper":     {replace(validKeyID, strings.ToUpper(validKeyID)), ErrBadManifest, "16 lower-case hex digits"},
		"key_id long":      {replace(validKeyID, validKeyID+"00"), ErrBadManifest, "16 lower-case hex digits"},
		"key_id non-ascii": {replace(validKeyID, "é"+validKeyID[2:]), ErrBadManifest, "16 lower-case hex digits"},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ParseManifest([]byte(tc.text))
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("ParseManifest(%s)\n= %+v, %v\nwant %v saying %q", tc.text, got, err, tc.want, tc.says)
			}
			if got != (Manifest{}) {
				t.Fatalf("a refused manifest came back filled: %+v", got)
			}
		})
	}
}

// TestEncodeManifestRoundTrip: what Write emits parses back to the same value.
func TestEncodeManifestRoundTrip(t *testing.T) {
	want, err := ParseManifest([]byte(validManifestJSON))
	if err != nil {
		t.Fatal(err)
	}
	b, err := encodeManifest(want)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != validManifestJSON {
		t.Fatalf("encodeManifest =\n%s\nwant\n%s", b, validManifestJSON)
	}
	got, err := ParseManifest(b)
	if err != nil || !sameManifest(got, want) {
		t.Fatalf("ParseManifest(encodeManifest(m)) = %+v, %v; want %+v", got, err, want)
	}
}
