<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About annotator</source>
        <translation>À propos d&apos;annotator</translation>
    </message>
    <message>
        <source>Annotate, date and link aircraft photos as verifiable evidence. Free software under the GNU GPL version 3 or later.</source>
        <translation>Annoter, dater et relier des photos d&apos;aéronefs comme preuves vérifiables. Logiciel libre sous licence GNU GPL version 3 ou ultérieure.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Edit the case&apos;s label list</source>
        <translation>Modifier la liste des étiquettes du dossier</translation>
    </message>
    <message>
        <source>Add label…</source>
        <translation>Ajouter une étiquette…</translation>
    </message>
    <message>
        <source>Rename label…</source>
        <translation>Renommer l&apos;étiquette…</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>Retirer l&apos;étiquette</translation>
    </message>
    <message>
        <source>e.g. 5U-MBH</source>
        <translation>p. ex. 5U-MBH</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>probable</source>
        <translation>probable</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>possible</translation>
    </message>
    <message>
        <source>Selected box</source>
        <translation>Cadre sélectionné</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Exploitant</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Set label</source>
        <translation>Définir l&apos;étiquette</translation>
    </message>
    <message>
        <source>Set type</source>
        <translation>Définir le type</translation>
    </message>
    <message>
        <source>Set operator</source>
        <translation>Définir l&apos;exploitant</translation>
    </message>
    <message>
        <source>Set confidence</source>
        <translation>Définir la confiance</translation>
    </message>
    <message>
        <source>Set registration</source>
        <translation>Définir l&apos;immatriculation</translation>
    </message>
    <message>
        <source>Set note</source>
        <translation>Définir la note</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>New label:</source>
        <translation>Nouvelle étiquette :</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>Renommer l&apos;étiquette</translation>
    </message>
    <message>
        <source>Rename {0} to:</source>
        <translation>Renommer {0} en :</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Mot de passe de la base de données</translation>
    </message>
    <message>
        <source>The case&apos;s database asks for a password:</source>
        <translation>La base de données du dossier demande un mot de passe :</translation>
    </message>
    <message>
        <source>Open a case folder</source>
        <translation>Ouvrir le répertoire d&apos;un dossier</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new case</source>
        <translation>Choisissez un répertoire vide pour le nouveau dossier</translation>
    </message>
    <message>
        <source>Preparing the demo case…</source>
        <translation>Préparation du dossier de démonstration…</translation>
    </message>
    <message>
        <source>The demo case could not be built: {m}</source>
        <translation>Le dossier de démonstration n&apos;a pas pu être créé : {m}</translation>
    </message>
</context>
<context>
    <name>BoxCommands</name>
    <message>
        <source>Not saved: {0} ({1})</source>
        <translation>Non enregistré : {0} ({1})</translation>
    </message>
    <message>
        <source>Draw box</source>
        <translation>Tracer un cadre</translation>
    </message>
    <message>
        <source>Duplicate box</source>
        <translation>Dupliquer le cadre</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>Supprimer le cadre</translation>
    </message>
    <message>
        <source>Delete boxes</source>
        <translation>Supprimer les cadres</translation>
    </message>
    <message>
        <source>Copy boxes from the previous photo</source>
        <translation>Copier les cadres de la photo précédente</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>Renommer l&apos;étiquette</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>Retirer l&apos;étiquette</translation>
    </message>
</context>
<context>
    <name>BoxEditing</name>
    <message>
        <source>Draw box</source>
        <translation>Tracer un cadre</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>Supprimer le cadre</translation>
    </message>
    <message>
        <source>Duplicate box</source>
        <translation>Dupliquer le cadre</translation>
    </message>
    <message>
        <source>Copy boxes from previous photo</source>
        <translation>Copier les cadres de la photo précédente</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Actual size (1:1)</source>
        <translation>Taille réelle (1:1)</translation>
    </message>
    <message>
        <source>Nudge box</source>
        <translation>Décaler le cadre</translation>
    </message>
    <message>
        <source>Resize box</source>
        <translation>Redimensionner le cadre</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>Déplacer le cadre</translation>
    </message>
    <message>
        <source>There is no previous photo.</source>
        <translation>Il n&apos;y a pas de photo précédente.</translation>
    </message>
    <message>
        <source>The previous photo has no boxes.</source>
        <translation>La photo précédente n&apos;a aucun cadre.</translation>
    </message>
</context>
<context>
    <name>CaptureDatePanel</name>
    <message>
        <source>2023-10-27 or 2023-10-27T10:00 (local)</source>
        <translation>2023-10-27 ou 2023-10-27T10:00 (heure locale)</translation>
    </message>
    <message>
        <source>ICAO code or lat,lon</source>
        <translation>Code OACI ou lat,lon</translation>
    </message>
    <message>
        <source>where the claim comes from</source>
        <translation>d&apos;où vient l&apos;allégation</translation>
    </message>
    <message>
        <source>Admiralty grade: source reliability A–F, information credibility 1–6</source>
        <translation>Cotation de l&apos;Amirauté : fiabilité de la source A–F, crédibilité de l&apos;information 1–6</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Allégation</translation>
    </message>
    <message>
        <source>Claimed date</source>
        <translation>Date alléguée</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Cotation</translation>
    </message>
    <message>
        <source>Where it was found</source>
        <translation>Où elle a été trouvée</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>X, Telegram, Facebook…</source>
        <translation>X, Telegram, Facebook…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Posted (UTC)</source>
        <translation>Publiée (UTC)</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>archived copy URL</source>
        <translation>URL de la copie archivée</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquise le</translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation>Aucune photo sélectionnée.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Capture date check failed: {0}</source>
        <translation>Échec de la vérification de la date de prise de vue : {0}</translation>
    </message>
    <message>
        <source>Consistent</source>
        <translation>Cohérente</translation>
    </message>
    <message>
        <source>Questionable</source>
        <translation>Douteuse</translation>
    </message>
    <message>
        <source>Inconsistent</source>
        <translation>Incohérente</translation>
    </message>
    <message>
        <source>Unverifiable</source>
        <translation>Invérifiable</translation>
    </message>
    <message>
        <source>EXIF offset</source>
        <translation>décalage EXIF</translation>
    </message>
    <message>
        <source>GPS clock</source>
        <translation>horloge GPS</translation>
    </message>
    <message>
        <source>time zone at the GPS position</source>
        <translation>fuseau horaire à la position GPS</translation>
    </message>
    <message>
        <source>time zone of the claimed place</source>
        <translation>fuseau horaire du lieu allégué</translation>
    </message>
    <message>
        <source>time zone of the linked airport</source>
        <translation>fuseau horaire de l&apos;aéroport relié</translation>
    </message>
    <message>
        <source>Captured {0} (from {1})</source>
        <translation>Prise le {0} (d&apos;après {1})</translation>
    </message>
    <message>
        <source>Capture time in UTC unknown</source>
        <translation>Heure de prise de vue en UTC inconnue</translation>
    </message>
    <message>
        <source>Sun: elevation {0:.1f}°, azimuth {1:.1f}° (clockwise from north)</source>
        <translation>Soleil : hauteur {0:.1f}°, azimut {1:.1f}° (sens horaire depuis le nord)</translation>
    </message>
    <message>
        <source>Sun: unknown (no place)</source>
        <translation>Soleil : inconnu (pas de lieu)</translation>
    </message>
    <message>
        <source>info</source>
        <translation>information</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Ungraded source</source>
        <translation>Source non cotée</translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation>entièrement fiable</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>généralement fiable</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>assez fiable</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>généralement peu fiable</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>non fiable</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>fiabilité impossible à évaluer</translation>
    </message>
    <message>
        <source>confirmed by other sources</source>
        <translation>confirmée par d&apos;autres sources</translation>
    </message>
    <message>
        <source>probably true</source>
        <translation>probablement vraie</translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation>peut-être vraie</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>douteuse</translation>
    </message>
    <message>
        <source>improbable</source>
        <translation>improbable</translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation>véracité impossible à évaluer</translation>
    </message>
    <message>
        <source>Source: {0}; information: {1}</source>
        <translation>Source : {0} ; information : {1}</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0} par {1}</translation>
    </message>
    <message>
        <source>claimed date</source>
        <translation>date alléguée</translation>
    </message>
    <message>
        <source>claimed place</source>
        <translation>lieu allégué</translation>
    </message>
    <message>
        <source>claim source</source>
        <translation>source de l&apos;allégation</translation>
    </message>
    <message>
        <source>claim grade</source>
        <translation>cotation de l&apos;allégation</translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation>Modification : {0}</translation>
    </message>
    <message>
        <source>Set source {0}</source>
        <translation>Source de la photo : {0}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>box</source>
        <translation>cadre</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>allégation</translation>
    </message>
    <message>
        <source>flight</source>
        <translation>vol</translation>
    </message>
    <message>
        <source>source record</source>
        <translation>fiche de source</translation>
    </message>
    <message>
        <source>Someone else saved this {0} after you opened it (their version {1}, you edited version {2}). Nothing was overwritten. Keep their values, or apply yours over them?</source>
        <translation>Quelqu&apos;un d&apos;autre a enregistré cet élément ({0}) après que vous l&apos;avez ouvert (sa version {1}, vous avez modifié la version {2}). Rien n&apos;a été écrasé. Garder ses valeurs, ou appliquer les vôtres par-dessus ?</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Les vôtres</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>Les siennes (enregistrées)</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Garder les siennes</translation>
    </message>
    <message>
        <source>Apply mine</source>
        <translation>Appliquer les miennes</translation>
    </message>
</context>
<context>
    <name>CopyableTree</name>
    <message>
        <source>Copy row</source>
        <translation>Copier la ligne</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>converted</source>
        <translation>converti</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>dérivé</translation>
    </message>
    <message>
        <source>cropped</source>
        <translation>recadré</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>filtré</translation>
    </message>
    <message>
        <source>produced</source>
        <translation>produit</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <source>managed</source>
        <translation>géré</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>copié</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publié</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} min {1:02d} s</source>
        <translation>{0} min {1:02d} s</translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation>{0} h {1:02d} min</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} jours</translation>
    </message>
    <message>
        <source>the camera&apos;s clock</source>
        <translation>l&apos;horloge de l&apos;appareil</translation>
    </message>
    <message>
        <source>the GPS clock (the camera&apos;s time compared with GPS time gives the offset {offset})</source>
        <translation>l&apos;horloge GPS (l&apos;heure de l&apos;appareil comparée à l&apos;heure GPS donne le décalage {offset})</translation>
    </message>
    <message>
        <source>the time zone at the GPS position ({zone})</source>
        <translation>le fuseau horaire à la position GPS ({zone})</translation>
    </message>
    <message>
        <source>the time zone of the claimed place ({zone}), which is the claim&apos;s, not the photo&apos;s</source>
        <translation>le fuseau horaire du lieu allégué ({zone}), qui est celui de l&apos;allégation et non de la photo</translation>
    </message>
    <message>
        <source>the time zone of the linked flight&apos;s airport ({zone})</source>
        <translation>le fuseau horaire de l&apos;aéroport du vol relié ({zone})</translation>
    </message>
    <message>
        <source>nothing: without GPS or a place, the capture time cannot be placed in UTC</source>
        <translation>rien : sans GPS ni lieu, l&apos;heure de prise de vue ne peut pas être située en UTC</translation>
    </message>
    <message>
        <source>The photo has no OffsetTimeOriginal; its UTC time comes from {how}.</source>
        <translation>La photo n&apos;a pas d&apos;OffsetTimeOriginal ; son heure UTC provient de {how}.</translation>
    </message>
    <message>
        <source>(undated)</source>
        <translation>(non daté)</translation>
    </message>
    <message>
        <source> with {0}</source>
        <translation> avec {0}</translation>
    </message>
    <message>
        <source>The XMP edit history records {n} save(s) or edit(s) after the capture: {listed}.</source>
        <translation>L&apos;historique d&apos;édition XMP enregistre {n} sauvegarde(s) ou modification(s) après la prise de vue : {listed}.</translation>
    </message>
    <message>
        <source>has a different shape (width/height {thumb} against {main}: a crop)</source>
        <translation>a une autre forme (largeur/hauteur {thumb} contre {main} : un recadrage)</translation>
    </message>
    <message>
        <source>shows different content (a difference of {mean} standard deviations on average, {max} at most)</source>
        <translation>montre un contenu différent (un écart de {mean} écarts-types en moyenne, {max} au plus)</translation>
    </message>
    <message>
        <source>The embedded EXIF thumbnail does not show the same picture as the main image: it {what}. The main image was probably cropped or edited after capture.</source>
        <translation>La vignette EXIF intégrée ne montre pas la même image que l&apos;image principale : elle {what}. L&apos;image principale a probablement été recadrée ou retouchée après la prise de vue.</translation>
    </message>
    <message>
        <source>The photo was captured at {local} local time ({zone}), {delta} from the claimed {claimed}; a claimed time holds within one hour.</source>
        <translation>La photo a été prise à {local} heure locale ({zone}), à {delta} de l&apos;heure alléguée {claimed} ; une heure alléguée est admise à une heure près.</translation>
    </message>
    <message>
        <source>The photo was captured on {local} local time ({zone}), not on the claimed date {claimed}.</source>
        <translation>La photo a été prise le {local} heure locale ({zone}), et non à la date alléguée {claimed}.</translation>
    </message>
    <message>
        <source>it was imported</source>
        <translation>son importation</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>The capture time ({capture}) is after {what} ({reference}): the camera clock was wrong or the date was altered.</source>
        <translation>L&apos;heure de prise de vue ({capture}) est postérieure à {what} ({reference}) : l&apos;horloge de l&apos;appareil était fausse ou la date a été modifiée.</translation>
    </message>
    <message>
        <source>the tagged aircraft</source>
        <translation>l&apos;aéronef identifié</translation>
    </message>
    <message>
        <source>{who} was airborne on flight {flight} (departure {dep}, arrival {arr}) at the capture time.</source>
        <translation>{who} était en vol (vol {flight}, départ {dep}, arrivée {arr}) à l&apos;heure de la prise de vue.</translation>
    </message>
    <message>
        <source>According to flight {flight}, {who} was at {where} at the capture time, {km} km from where the photo was taken ({place}).</source>
        <translation>D&apos;après le vol {flight}, {who} se trouvait à {where} à l&apos;heure de la prise de vue, à {km} km du lieu où la photo a été prise ({place}).</translation>
    </message>
    <message>
        <source>The file carries no EXIF metadata at all, as is typical of photos saved from social media; its date cannot be read from the file.</source>
        <translation>Le fichier ne contient aucune métadonnée EXIF, comme souvent les photos enregistrées depuis les réseaux sociaux ; sa date ne peut pas être lue dans le fichier.</translation>
    </message>
    <message>
        <source>The EXIF metadata holds no capture date (DateTimeOriginal).</source>
        <translation>Les métadonnées EXIF ne contiennent aucune date de prise de vue (DateTimeOriginal).</translation>
    </message>
    <message>
        <source>The camera clock ({camera}) and the GPS clock ({gps}) differ by {delta}, more than 2 minutes.</source>
        <translation>L&apos;horloge de l&apos;appareil ({camera}) et l&apos;horloge GPS ({gps}) diffèrent de {delta}, soit plus de 2 minutes.</translation>
    </message>
    <message>
        <source>DateTimeOriginal ({original}) and DateTimeDigitized ({digitized}) differ by {delta}.</source>
        <translation>DateTimeOriginal ({original}) et DateTimeDigitized ({digitized}) diffèrent de {delta}.</translation>
    </message>
    <message>
        <source>The file was modified ({modified}) {delta} after it was captured ({original}).</source>
        <translation>Le fichier a été modifié ({modified}) {delta} après la prise de vue ({original}).</translation>
    </message>
    <message>
        <source>The {tag} tag names an image editor ({software!r}, {editor}), not camera firmware: the file was saved by that program.</source>
        <translation>La balise {tag} nomme un logiciel de retouche ({software!r}, {editor}) et non le micrologiciel d&apos;un appareil : le fichier a été enregistré par ce programme.</translation>
    </message>
    <message>
        <source>The photo was first posted at {posted}, before its capture time ({capture}).</source>
        <translation>La photo a été publiée pour la première fois le {posted}, avant son heure de prise de vue ({capture}).</translation>
    </message>
    <message>
        <source>At the capture time the sun stood {elevation:.1f}° above the horizon at azimuth {azimuth:.0f}° (clockwise from north), seen from {place}.</source>
        <translation>À l&apos;heure de la prise de vue, le soleil était à {elevation:.1f}° au-dessus de l&apos;horizon, à l&apos;azimut {azimuth:.0f}° (sens horaire depuis le nord), vu depuis {place}.</translation>
    </message>
    <message>
        <source>The sun was {depth:.1f}° below the horizon at the capture time and place: it was night, so a photo showing daylight contradicts this time or place.</source>
        <translation>Le soleil était à {depth:.1f}° sous l&apos;horizon à l&apos;heure et au lieu de la prise de vue : il faisait nuit, donc une photo montrant la lumière du jour contredit cette heure ou ce lieu.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export evidence packet</source>
        <translation>Exporter le paquet de preuves</translation>
    </message>
    <message>
        <source>All photos ({n})</source>
        <translation>Toutes les photos ({n})</translation>
    </message>
    <message>
        <source>Selected photos ({n})</source>
        <translation>Photos sélectionnées ({n})</translation>
    </message>
    <message>
        <source>Photos tagged with registration</source>
        <translation>Photos portant l&apos;immatriculation</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>packet.zip</source>
        <translation>paquet.zip</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Sign with key file</source>
        <translation>Signer avec le fichier de clé</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save evidence packet</source>
        <translation>Enregistrer le paquet de preuves</translation>
    </message>
    <message>
        <source>Evidence packet (*.zip)</source>
        <translation>Paquet de preuves (*.zip)</translation>
    </message>
    <message>
        <source>Examiner&apos;s private key</source>
        <translation>Clé privée de l&apos;examinateur</translation>
    </message>
    <message>
        <source>Choose where to save the packet.</source>
        <translation>Choisissez où enregistrer le paquet.</translation>
    </message>
    <message>
        <source>Choose a registration.</source>
        <translation>Choisissez une immatriculation.</translation>
    </message>
    <message>
        <source>Choose the key file to sign with.</source>
        <translation>Choisissez le fichier de clé pour signer.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>, signed</source>
        <translation>, signé</translation>
    </message>
    <message>
        <source>Packet written: {path}
{photos} photo(s), {boxes} box(es){signed}.
SHA-256 of SHA256SUMS: {digest}</source>
        <translation>Paquet écrit : {path}
{photos} photo(s), {boxes} cadre(s){signed}.
Empreinte SHA-256 de SHA256SUMS : {digest}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Evidence packet written: {path}</source>
        <translation>Paquet de preuves écrit : {path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Registration</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <source>Date YYYY-MM-DD</source>
        <translation>Date AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Flight id or callsign</source>
        <translation>Identifiant ou indicatif du vol</translation>
    </message>
    <message>
        <source>Sort by capture time</source>
        <translation>Trier par heure de prise de vue</translation>
    </message>
    <message>
        <source>Sort by import order</source>
        <translation>Trier par ordre d&apos;importation</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Toute étiquette</translation>
    </message>
    <message>
        <source>Any date verdict</source>
        <translation>Tout verdict de date</translation>
    </message>
    <message>
        <source>no verdict yet</source>
        <translation>pas encore de verdict</translation>
    </message>
</context>
<context>
    <name>FlightCommands</name>
    <message>
        <source>Edit flight {0}</source>
        <translation>Modifier le vol {0}</translation>
    </message>
    <message>
        <source>Link photo to flight {0}</source>
        <translation>Relier la photo au vol {0}</translation>
    </message>
    <message>
        <source>Unlink photo from flight {0}</source>
        <translation>Délier la photo du vol {0}</translation>
    </message>
    <message>
        <source>Delete flight</source>
        <translation>Supprimer le vol</translation>
    </message>
    <message>
        <source>Delete flights</source>
        <translation>Supprimer les vols</translation>
    </message>
</context>
<context>
    <name>FlightEditDialog</name>
    <message>
        <source>Edit flight {0}</source>
        <translation>Modifier le vol {0}</translation>
    </message>
    <message>
        <source>Add flight</source>
        <translation>Ajouter un vol</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <source>ICAO address (hex)</source>
        <translation>Adresse OACI (hex)</translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation>Indicatif</translation>
    </message>
    <message>
        <source>Origin airport</source>
        <translation>Aéroport de départ</translation>
    </message>
    <message>
        <source>Destination airport</source>
        <translation>Aéroport de destination</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Référence de la source</translation>
    </message>
    <message>
        <source>Grade (A–F, 1–6)</source>
        <translation>Cotation (A–F, 1–6)</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimée</translation>
    </message>
    <message>
        <source>Departure (UTC)</source>
        <translation>Départ (UTC)</translation>
    </message>
    <message>
        <source>Arrival (UTC)</source>
        <translation>Arrivée (UTC)</translation>
    </message>
    <message>
        <source>Source kind</source>
        <translation>Type de source</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{0} is not an ISO 8601 time (e.g. 2023-10-27T10:40Z).</source>
        <translation>{0} n&apos;est pas une heure ISO 8601 (p. ex. 2023-10-27T10:40Z).</translation>
    </message>
</context>
<context>
    <name>FlightTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Immatriculation</translation>
    </message>
    <message>
        <source>ICAO</source>
        <translation>OACI</translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation>Indicatif</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Cotation</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>FlightsPanel</name>
    <message>
        <source>before departure</source>
        <translation>avant le départ</translation>
    </message>
    <message>
        <source>after arrival</source>
        <translation>après l&apos;arrivée</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>en vol</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Linked flight</source>
        <translation>Vol relié</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Linked flights</source>
        <translation>Vols reliés</translation>
    </message>
    <message>
        <source>Suggested flights</source>
        <translation>Vols suggérés</translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation>Aucune photo sélectionnée.</translation>
    </message>
    <message>
        <source>Looking for flights…</source>
        <translation>Recherche de vols…</translation>
    </message>
    <message>
        <source>Best match below.</source>
        <translation>Meilleure correspondance ci-dessous.</translation>
    </message>
    <message>
        <source>Ambiguous: the best two are too close to call.</source>
        <translation>Ambigu : les deux meilleurs candidats sont trop proches pour trancher.</translation>
    </message>
    <message>
        <source>Weak: no flight matches well enough to suggest.</source>
        <translation>Faible : aucun vol ne correspond assez bien pour être suggéré.</translation>
    </message>
    <message>
        <source>No flight to suggest.</source>
        <translation>Aucun vol à suggérer.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Relier</translation>
    </message>
    <message>
        <source>Link this photo to flight {0} ({1})</source>
        <translation>Relier cette photo au vol {0} ({1})</translation>
    </message>
</context>
<context>
    <name>FlightsWindow</name>
    <message>
        <source>Flights — {0}</source>
        <translation>Vols — {0}</translation>
    </message>
    <message>
        <source>Filter: registration, airport, callsign…</source>
        <translation>Filtre : immatriculation, aéroport, indicatif…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>File format (auto: tell from the content)</source>
        <translation>Format du fichier (auto : déduit du contenu)</translation>
    </message>
    <message>
        <source>registration for the file</source>
        <translation>immatriculation pour le fichier</translation>
    </message>
    <message>
        <source>The aircraft&apos;s registration, for files that do not name it (KML tracks)</source>
        <translation>L&apos;immatriculation de l&apos;aéronef, pour les fichiers qui ne la donnent pas (traces KML)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Add flight</source>
        <translation>Ajouter un vol</translation>
    </message>
    <message>
        <source>Select a flight to edit.</source>
        <translation>Sélectionnez un vol à modifier.</translation>
    </message>
    <message>
        <source>Select a flight to delete.</source>
        <translation>Sélectionnez un vol à supprimer.</translation>
    </message>
    <message>
        <source>Import flights</source>
        <translation>Importer des vols</translation>
    </message>
    <message>
        <source>Flight files (*.json *.gz *.csv *.kml);;All files (*)</source>
        <translation>Fichiers de vols (*.json *.gz *.csv *.kml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importation de {0}…</translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>Importer {0}</translation>
    </message>
    <message>
        <source>Imported {0} flight(s) from {1} ({2}).</source>
        <translation>{0} vol(s) importé(s) depuis {1} ({2}).</translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation>Non importé : {0}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import photos</source>
        <translation>Importer des photos</translation>
    </message>
    <message>
        <source>Importing {n} file(s) or folder(s)…</source>
        <translation>Importation de {n} fichier(s) ou répertoire(s)…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Why it was rejected</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Importation annulée.</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>Importation terminée.</translation>
    </message>
    <message>
        <source>{imported} imported, {duplicates} already in the case, {rejected} rejected.</source>
        <translation>{imported} importée(s), {duplicates} déjà dans le dossier, {rejected} rejetée(s).</translation>
    </message>
    <message>
        <source>Photos imported before you cancelled stay in the case.</source>
        <translation>Les photos importées avant l&apos;annulation restent dans le dossier.</translation>
    </message>
    <message>
        <source>Import: {text}</source>
        <translation>Importation : {text}</translation>
    </message>
    <message>
        <source>Import failed.</source>
        <translation>Échec de l&apos;importation.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{name} — annotator</source>
        <translation>{name} — annotator</translation>
    </message>
    <message>
        <source>&lt;opened case&gt;</source>
        <translation>&lt;dossier ouvert&gt;</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Capture date</source>
        <translation>Date de prise de vue</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Historique des annulations</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un dossier &amp;récent</translation>
    </message>
    <message>
        <source>Open &amp;demo case</source>
        <translation>Ouvrir le dossier de &amp;démonstration</translation>
    </message>
    <message>
        <source>&amp;Import photos…</source>
        <translation>&amp;Importer des photos…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Importer un ré&amp;pertoire…</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Fermer le dossier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Actual size (1:1)</source>
        <translation>&amp;Taille réelle (1:1)</translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation>&amp;Photo</translation>
    </message>
    <message>
        <source>&amp;Next photo</source>
        <translation>Photo &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous photo</source>
        <translation>Photo &amp;précédente</translation>
    </message>
    <message>
        <source>Last photo.</source>
        <translation>Dernière photo.</translation>
    </message>
    <message>
        <source>First photo.</source>
        <translation>Première photo.</translation>
    </message>
    <message>
        <source>{name} ({n} of {total})</source>
        <translation>{name} ({n} sur {total})</translation>
    </message>
    <message>
        <source>1 photo in case</source>
        <translation>1 photo dans le dossier</translation>
    </message>
    <message>
        <source>{n} photos in case</source>
        <translation>{n} photos dans le dossier</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>Importer des photos</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.webp);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.webp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Importer un répertoire</translation>
    </message>
    <message>
        <source>Edits not saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>{0} edit(s) could not reach the database yet and are not saved. Close anyway and lose them?</source>
        <translation>{0} modification(s) n&apos;ont pas encore pu atteindre la base de données et ne sont pas enregistrées. Fermer quand même et les perdre ?</translation>
    </message>
    <message>
        <source>Flights</source>
        <translation>Vols</translation>
    </message>
    <message>
        <source>F&amp;lights</source>
        <translation>&amp;Vols</translation>
    </message>
    <message>
        <source>&amp;Flights and timeline…</source>
        <translation>&amp;Vols et chronologie…</translation>
    </message>
    <message>
        <source>&amp;Export evidence packet…</source>
        <translation>&amp;Exporter le paquet de preuves…</translation>
    </message>
    <message>
        <source>&amp;Verify a packet…</source>
        <translation>&amp;Vérifier un paquet…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Paramè&amp;tres…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About annotator</source>
        <translation>À &amp;propos d&apos;annotator</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Verify an evidence packet</source>
        <translation>Vérifier un paquet de preuves</translation>
    </message>
    <message>
        <source>Evidence packets (*.zip)</source>
        <translation>Paquets de preuves (*.zip)</translation>
    </message>
    <message>
        <source>Verifying {name}…</source>
        <translation>Vérification de {name}…</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Échec de la vérification</translation>
    </message>
    <message>
        <source>The packet is intact: {n} files match SHA256SUMS.</source>
        <translation>Le paquet est intact : {n} fichiers correspondent à SHA256SUMS.</translation>
    </message>
    <message>
        <source>The packet does NOT verify.</source>
        <translation>La vérification du paquet a ÉCHOUÉ.</translation>
    </message>
    <message>
        <source>Packet verification</source>
        <translation>Vérification du paquet</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Search tags and values</source>
        <translation>Rechercher dans les balises et les valeurs</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Balise</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation>Aucune photo sélectionnée.</translation>
    </message>
    <message>
        <source>Summary (normalized)</source>
        <translation>Résumé (normalisé)</translation>
    </message>
    <message>
        <source>(none in this file)</source>
        <translation>(aucune dans ce fichier)</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 balise</translation>
    </message>
    <message>
        <source>{n} tags</source>
        <translation>{n} balises</translation>
    </message>
</context>
<context>
    <name>PendingEdits</name>
    <message>
        <source> (pending)</source>
        <translation> (en attente)</translation>
    </message>
    <message>
        <source>Not saved: {0} ({1})</source>
        <translation>Non enregistré : {0} ({1})</translation>
    </message>
    <message>
        <source>The database is unreachable: {0} edit(s) pending, not yet saved; retrying</source>
        <translation>La base de données est injoignable : {0} modification(s) en attente, pas encore enregistrée(s) ; nouvelle tentative en cours</translation>
    </message>
    <message>
        <source>All edits saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
</context>
<context>
    <name>PhotoBrowser</name>
    <message>
        <source>1 photo</source>
        <translation>1 photo</translation>
    </message>
    <message>
        <source>{n} photos</source>
        <translation>{n} photos</translation>
    </message>
    <message>
        <source>{shown} of {total} photos</source>
        <translation>{shown} photos sur {total}</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <source>Cannot show this photo: {0}</source>
        <translation>Impossible d&apos;afficher cette photo : {0}</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>no thumbnail</source>
        <translation>pas de vignette</translation>
    </message>
    <message>
        <source>no capture date</source>
        <translation>sans date de prise de vue</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>non évaluée</translation>
    </message>
    <message>
        <source>{name}
SHA-256 {sha}
capture date: {verdict}</source>
        <translation>{name}
Empreinte SHA-256 {sha}
date de prise de vue : {verdict}</translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>Examinateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>No photo selected.</source>
        <translation>Aucune photo sélectionnée.</translation>
    </message>
    <message>
        <source>Audit history of this photo</source>
        <translation>Historique d&apos;audit de cette photo</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} octets</translation>
    </message>
    <message>
        <source>Original name</source>
        <translation>Nom d&apos;origine</translation>
    </message>
    <message>
        <source>Original path</source>
        <translation>Chemin d&apos;origine</translation>
    </message>
    <message>
        <source>File modified</source>
        <translation>Fichier modifié</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Importateur</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Stored copy</source>
        <translation>Copie conservée</translation>
    </message>
    <message>
        <source>Also imported from</source>
        <translation>Importée aussi depuis</translation>
    </message>
    <message>
        <source>event {id}, hash {hash}</source>
        <translation>événement {id}, empreinte {hash}</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Kept the other investigator&apos;s values: {0} was not applied</source>
        <translation>Valeurs de l&apos;autre enquêteur conservées : {0} n&apos;a pas été appliqué</translation>
    </message>
    <message>
        <source>Not saved: {0} ({1})</source>
        <translation>Non enregistré : {0} ({1})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Examiner name</source>
        <translation>Nom de l&apos;examinateur</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Default case folder</source>
        <translation>Répertoire par défaut des dossiers</translation>
    </message>
    <message>
        <source> megapixels</source>
        <translation> mégapixels</translation>
    </message>
    <message>
        <source>Refuse images larger than</source>
        <translation>Refuser les images de plus de</translation>
    </message>
    <message>
        <source>Thumbnail size in the browser</source>
        <translation>Taille des vignettes dans le navigateur</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local time with offset</source>
        <translation>Heure locale avec décalage</translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation>Afficher les heures en</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>Langue (après redémarrage)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>{key} is given to more than one action: {names}</source>
        <translation>{key} est attribuée à plusieurs actions : {names}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Mouse: wheel zooms around the cursor; drag with the middle button or with Space held to pan; drag a handle to resize a box.</source>
        <translation>Souris : la molette zoome autour du curseur ; glisser avec le bouton du milieu ou avec Espace enfoncé pour se déplacer ; glisser une poignée pour redimensionner un cadre.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>flight {0} {1}
{2} → {3}</source>
        <translation>vol {0} {1}
{2} → {3}</translation>
    </message>
    <message>
        <source>No flights or dated photos yet.</source>
        <translation>Pas encore de vols ni de photos datées.</translation>
    </message>
    <message>
        <source>Unlinked photos</source>
        <translation>Photos non reliées</translation>
    </message>
    <message>
        <source>No reception from {0} to {1}</source>
        <translation>Aucune réception de {0} à {1}</translation>
    </message>
</context>
<context>
    <name>WelcomeWidget</name>
    <message>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <source>&lt;h1&gt;annotator&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;annotator&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Annotate, date and link aircraft photos as verifiable evidence.</source>
        <translation>Annoter, dater et relier des photos d&apos;aéronefs comme preuves vérifiables.</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nouveau dossier…</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Open demo case</source>
        <translation>Ouvrir le dossier de démonstration</translation>
    </message>
    <message>
        <source>A C-130 marked 5U-MBH at Bamako-Sénou, 27 October 2023 (illustrative data)</source>
        <translation>Un C-130 immatriculé 5U-MBH à Bamako-Sénou, le 27 octobre 2023 (données d&apos;illustration)</translation>
    </message>
    <message>
        <source>Recent cases (double-click or Enter to open)</source>
        <translation>Dossiers récents (double-clic ou Entrée pour ouvrir)</translation>
    </message>
    <message>
        <source>No recent cases yet.</source>
        <translation>Aucun dossier récent.</translation>
    </message>
</context>
</TS>
