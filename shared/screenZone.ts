/**
 * Which zone a kiosk or a display serves (issue #15). The zone it was enrolled with wins: a kiosk
 * paired for floor 2 stays floor 2 after a reboot, a typed URL or an old bookmark with another
 * `?zone=`, and the admin moves it from the Devices tab, not from the address bar. `?zone=` still
 * chooses for a device enrolled for the whole office, for the host's own windows (the shell's
 * window plan) and for a display in an unenrolled browser. null: the whole office.
 */
export function screenZone(enrolledZoneId: number | null | undefined, urlZoneId: number | null | undefined): number | null {
  if (enrolledZoneId !== null && enrolledZoneId !== undefined) return enrolledZoneId;
  return urlZoneId !== null && urlZoneId !== undefined && Number.isInteger(urlZoneId) && urlZoneId > 0 ? urlZoneId : null;
}
