<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate, date and link aircraft photos as verifiable evidence. Free software under the GNU GPL version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Edit the case&apos;s label list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5U-MBH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {0} to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an empty folder for the new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo case could not be built: {m}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoxCommands</name>
    <message>
        <source>Not saved: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy boxes from the previous photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoxEditing</name>
    <message>
        <source>Draw box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy boxes from previous photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no previous photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous photo has no boxes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureDateCommands</name>
    <message>
        <source>Not saved: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureDatePanel</name>
    <message>
        <source>2023-10-27 or 2023-10-27T10:00 (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICAO code or lat,lon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the claim comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admiralty grade: source reliability A–F, information credibility 1–6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X, Telegram, Facebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture date check failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inconsistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverifiable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXIF offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone at the GPS position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone of the claimed place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone of the linked airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured {0} (from {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture time in UTC unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun: elevation {0:.1f}°, azimuth {1:.1f}° (clockwise from north)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun: unknown (no place)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ungraded source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed by other sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probably true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>improbable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {0}; information: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set source {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyableTree</name>
    <message>
        <source>Copy row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filtered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>produced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min {1:02d} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the camera&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GPS clock (the camera&apos;s time compared with GPS time gives the offset {offset})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time zone at the GPS position ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time zone of the claimed place ({zone}), which is the claim&apos;s, not the photo&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time zone of the linked flight&apos;s airport ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing: without GPS or a place, the capture time cannot be placed in UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo has no OffsetTimeOriginal; its UTC time comes from {how}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(undated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XMP edit history records {n} save(s) or edit(s) after the capture: {listed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a different shape (width/height {thumb} against {main}: a crop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shows different content (a difference of {mean} standard deviations on average, {max} at most)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded EXIF thumbnail does not show the same picture as the main image: it {what}. The main image was probably cropped or edited after capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo was captured at {local} local time ({zone}), {delta} from the claimed {claimed}; a claimed time holds within one hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo was captured on {local} local time ({zone}), not on the claimed date {claimed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture time ({capture}) is after {what} ({reference}): the camera clock was wrong or the date was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tagged aircraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} was airborne on flight {flight} (departure {dep}, arrival {arr}) at the capture time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>According to flight {flight}, {who} was at {where} at the capture time, {km} km from where the photo was taken ({place}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file carries no EXIF metadata at all, as is typical of photos saved from social media; its date cannot be read from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EXIF metadata holds no capture date (DateTimeOriginal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera clock ({camera}) and the GPS clock ({gps}) differ by {delta}, more than 2 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DateTimeOriginal ({original}) and DateTimeDigitized ({digitized}) differ by {delta}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was modified ({modified}) {delta} after it was captured ({original}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {tag} tag names an image editor ({software!r}, {editor}), not camera firmware: the file was saved by that program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo was first posted at {posted}, before its capture time ({capture}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the capture time the sun stood {elevation:.1f}° above the horizon at azimuth {azimuth:.0f}° (clockwise from north), seen from {place}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sun was {depth:.1f}° below the horizon at the capture time and place: it was night, so a photo showing daylight contradicts this time or place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export evidence packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All photos ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected photos ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos tagged with registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packet.zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save evidence packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence packet (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner&apos;s private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the key file to sign with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet written: {path}
{photos} photo(s), {boxes} box(es){signed}.
SHA-256 of SHA256SUMS: {digest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence packet written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight id or callsign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by import order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no verdict yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlightCommands</name>
    <message>
        <source>Not saved: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit flight {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link photo to flight {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink photo from flight {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete flights</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlightEditDialog</name>
    <message>
        <source>Edit flight {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICAO address (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade (A–F, 1–6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not an ISO 8601 time (e.g. 2023-10-27T10:40Z).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlightTableModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICAO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlightsPanel</name>
    <message>
        <source>before departure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked flights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested flights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for flights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous: the best two are too close to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: no flight matches well enough to suggest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flight to suggest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link this photo to flight {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlightsWindow</name>
    <message>
        <source>Flights — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: registration, airport, callsign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format (auto: tell from the content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registration for the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aircraft&apos;s registration, for files that do not name it (KML tracks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a flight to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a flight to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import flights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight files (*.json *.gz *.csv *.kml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {0} flight(s) from {1} ({2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {n} file(s) or folder(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{imported} imported, {duplicates} already in the case, {rejected} rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos imported before you cancelled stay in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{name} — annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened case&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;demo case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({n} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 photo in case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} photos in case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;lights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flights and timeline…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Search tags and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (normalized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none in this file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoBrowser</name>
    <message>
        <source>1 photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} photos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <source>Cannot show this photo: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>no thumbnail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no capture date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
SHA-256 {sha}
capture date: {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit history of this photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File modified (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also imported from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event {id}, hash {hash}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse images larger than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnail size in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time with offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} is given to more than one action: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse: wheel zooms around the cursor; drag with the middle button or with Space held to pan; drag a handle to resize a box.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No flights or dated photos yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reception from {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeWidget</name>
    <message>
        <source>annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;annotator&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate, date and link aircraft photos as verifiable evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open demo case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A C-130 marked 5U-MBH at Bamako-Sénou, 27 October 2023 (illustrative data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent cases yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
