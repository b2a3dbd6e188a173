package catalog

import "strings"

// Nationwide is the area id that applies to every district.
const Nationwide = "00"

// ValidDistrictID reports whether id is an AGS prefix of an allowed length:
// 2 digits a Land, 3 a Regierungsbezirk, 5 a Kreis, 8 a Gemeinde.
func ValidDistrictID(id string) bool {
	switch len(id) {
	case 2, 3, 5, 8:
	default:
		return false
	}
	return strings.Trim(id, "0123456789") == ""
}

// AreasCovering lists the area ids whose offers a kiosk in district shows:
// the district itself, each of its shorter AGS prefixes, and "00".
func AreasCovering(district string) []string {
	areas := []string{Nationwide}
	for _, n := range []int{2, 3, 5, 8} {
		if len(district) >= n && district[:n] != Nationwide {
			areas = append(areas, district[:n])
		}
	}
	return areas
}
