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
    <name>AltitudeLegend</name>
    <message>
        <source>Track altitude (ft)</source>
        <translation>Altitude des traces (ft)</translation>
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
        <source>Read registration</source>
        <translation>Lire l&apos;immatriculation</translation>
    </message>
    <message>
        <source>Nudge box left</source>
        <translation>Décaler le cadre à gauche</translation>
    </message>
    <message>
        <source>Nudge box left by 10 px</source>
        <translation>Décaler le cadre de 10 px à gauche</translation>
    </message>
    <message>
        <source>Nudge box right</source>
        <translation>Décaler le cadre à droite</translation>
    </message>
    <message>
        <source>Nudge box right by 10 px</source>
        <translation>Décaler le cadre de 10 px à droite</translation>
    </message>
    <message>
        <source>Nudge box up</source>
        <translation>Décaler le cadre vers le haut</translation>
    </message>
    <message>
        <source>Nudge box up by 10 px</source>
        <translation>Décaler le cadre de 10 px vers le haut</translation>
    </message>
    <message>
        <source>Nudge box down</source>
        <translation>Décaler le cadre vers le bas</translation>
    </message>
    <message>
        <source>Nudge box down by 10 px</source>
        <translation>Décaler le cadre de 10 px vers le bas</translation>
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
    <name>CandidateListModel</name>
    <message>
        <source>not a valid registration</source>
        <translation>pas une immatriculation valide</translation>
    </message>
    <message>
        <source>Read as “{0}”; click to use {1}</source>
        <translation>Lu « {0} » ; cliquez pour utiliser {1}</translation>
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
        <source>Sun: elevation {0}°, azimuth {1}° (clockwise from north)</source>
        <translation>Soleil : hauteur {0}°, azimut {1}° (sens horaire depuis le nord)</translation>
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
    <name>CopyBadgeDelegate</name>
    <message>
        <source>{n} photos of the case are copies of this picture (right-click: Show copies).</source>
        <translation>{n} photos du dossier sont des copies de cette image (clic droit : Afficher les copies).</translation>
    </message>
    <message>
        <source>★ This is the best copy available (the most pixels, the least re-encoded).</source>
        <translation>★ C&apos;est la meilleure copie disponible (la plus grande, la moins recompressée).</translation>
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
    <name>CoreErrors</name>
    <message>
        <source>line {0}: </source>
        <translation>ligne {0} : </translation>
    </message>
    <message>
        <source>{0} flight {1}: </source>
        <translation>{0}, vol {1} : </translation>
    </message>
    <message>
        <source>The registration is empty.</source>
        <translation>L&apos;immatriculation est vide.</translation>
    </message>
    <message>
        <source>The military serial is empty.</source>
        <translation>Le numéro de série militaire est vide.</translation>
    </message>
    <message>
        <source>{typed} has characters a registration cannot have.</source>
        <translation>{typed} contient des caractères qu&apos;une immatriculation ne peut pas avoir.</translation>
    </message>
    <message>
        <source>{mark} is not an ICAO nationality mark.</source>
        <translation>{mark} n&apos;est pas une marque de nationalité OACI.</translation>
    </message>
    <message>
        <source>{written} has no letters after the mark.</source>
        <translation>{written} n&apos;a aucune lettre après la marque.</translation>
    </message>
    <message>
        <source>{suffix} cannot follow the nationality mark {mark}.</source>
        <translation>{suffix} ne peut pas suivre la marque de nationalité {mark}.</translation>
    </message>
    <message>
        <source>{compact} does not begin with a known ICAO nationality mark followed by a valid registration; type the hyphen after the mark if it is unusual.</source>
        <translation>{compact} ne commence pas par une marque de nationalité OACI connue suivie d&apos;une immatriculation valide ; tapez le tiret après la marque si elle est inhabituelle.</translation>
    </message>
    <message>
        <source>the {what} {text} is not a web address: give an http:// or https:// URL</source>
        <translation>{what} {text} : ce n&apos;est pas une adresse web ; indiquez une URL http:// ou https://</translation>
    </message>
    <message>
        <source>the {what} {when} is in the future (now is {now})</source>
        <translation>{what} {when} : ce moment est dans le futur (il est maintenant {now})</translation>
    </message>
    <message>
        <source>unknown acquisition field(s): {fields}</source>
        <translation>champ(s) d&apos;acquisition inconnu(s) : {fields}</translation>
    </message>
    <message>
        <source>{icao24} is not an ICAO 24-bit address.</source>
        <translation>{icao24} n&apos;est pas une adresse OACI de 24 bits.</translation>
    </message>
    <message>
        <source>no aircraft {aircraft_id} in this case</source>
        <translation>aucun aéronef {aircraft_id} dans ce dossier</translation>
    </message>
    <message>
        <source>cannot edit {fields} of an aircraft.</source>
        <translation>impossible de modifier {fields} d&apos;un aéronef.</translation>
    </message>
    <message>
        <source>{text} is not a known airport (give its ICAO or IATA code).</source>
        <translation>{text} n&apos;est pas un aéroport connu (indiquez son code OACI ou IATA).</translation>
    </message>
    <message>
        <source>{name}, box {number}: {exc}</source>
        <translation>{name}, cadre {number} : {exc}</translation>
    </message>
    <message>
        <source>{name}: annotation {number} has no valid image, category or bbox</source>
        <translation>{name} : l&apos;annotation {number} n&apos;a pas d&apos;image, de catégorie ou de bbox valide</translation>
    </message>
    <message>
        <source>{name}: an image has no file_name</source>
        <translation>{name} : une image n&apos;a pas de file_name</translation>
    </message>
    <message>
        <source>{name} is not a readable COCO JSON file</source>
        <translation>{name} n&apos;est pas un fichier COCO JSON lisible</translation>
    </message>
    <message>
        <source>{name} names {n_shas} photos of the case; rename it to the photo&apos;s SHA-256 or import from the packet</source>
        <translation>{name} désigne {n_shas} photos du dossier ; renommez-le d&apos;après le SHA-256 de la photo ou importez depuis le paquet</translation>
    </message>
    <message>
        <source>{name} is not a COCO file (no &quot;images&quot; list)</source>
        <translation>{name} n&apos;est pas un fichier COCO (pas de liste « images »)</translation>
    </message>
    <message>
        <source>{name} is not a Pascal VOC annotation (no filename)</source>
        <translation>{name} n&apos;est pas une annotation Pascal VOC (pas de filename)</translation>
    </message>
    <message>
        <source>{path}: no such file or folder</source>
        <translation>{path} : fichier ou répertoire introuvable</translation>
    </message>
    <message>
        <source>{name}: no photo of this case has that name or hash</source>
        <translation>{name} : aucune photo de ce dossier ne porte ce nom ou cette empreinte</translation>
    </message>
    <message>
        <source>{name}: the annotations are for a {width}×{height} picture but the photo is {width2}×{height2}</source>
        <translation>{name} : les annotations concernent une image de {width}×{height}, mais la photo fait {width2}×{height2}</translation>
    </message>
    <message>
        <source>unknown format {fmt}; use one of {formats}</source>
        <translation>format {fmt} inconnu ; utilisez l&apos;un de ceux-ci : {formats}</translation>
    </message>
    <message>
        <source>{name}: the annotations are for the unrotated picture ({width}×{height}); this photo is shown upright as {width2}×{height2}, so its boxes would land in the wrong place</source>
        <translation>{name} : les annotations concernent l&apos;image non pivotée ({width}×{height}) ; cette photo est affichée redressée en {width2}×{height2}, ses cadres tomberaient donc au mauvais endroit</translation>
    </message>
    <message>
        <source>{name}: object {number} has no valid bndbox</source>
        <translation>{name} : l&apos;objet {number} n&apos;a pas de bndbox valide</translation>
    </message>
    <message>
        <source>{name}: object {number} has no name</source>
        <translation>{name} : l&apos;objet {number} n&apos;a pas de nom</translation>
    </message>
    <message>
        <source>{name} is not a readable Pascal VOC XML file</source>
        <translation>{name} n&apos;est pas un fichier XML Pascal VOC lisible</translation>
    </message>
    <message>
        <source>{name} line {number}: not `class cx cy w h` with a known class</source>
        <translation>{name}, ligne {number} : pas de la forme `class cx cy w h` avec une classe connue</translation>
    </message>
    <message>
        <source>YOLO labels carry class numbers only: put classes.txt (one name per line) or data.yaml (names:) beside the label files</source>
        <translation>les étiquettes YOLO ne portent que des numéros de classe : placez classes.txt (un nom par ligne) ou data.yaml (names:) à côté des fichiers d&apos;étiquettes</translation>
    </message>
    <message>
        <source>confidence must be one of {confidences}, not {confidence}</source>
        <translation>la confiance doit être l&apos;une de ces valeurs : {confidences}, et non {confidence}</translation>
    </message>
    <message>
        <source>a photo&apos;s boxes cannot be copied onto the same photo</source>
        <translation>les cadres d&apos;une photo ne peuvent pas être copiés sur la même photo</translation>
    </message>
    <message>
        <source>a box needs a positive width and height</source>
        <translation>un cadre doit avoir une largeur et une hauteur positives</translation>
    </message>
    <message>
        <source>box {box_id} already exists</source>
        <translation>le cadre {box_id} existe déjà</translation>
    </message>
    <message>
        <source>box coordinates must be finite numbers</source>
        <translation>les coordonnées d&apos;un cadre doivent être des nombres finis</translation>
    </message>
    <message>
        <source>no box {box_id} in this case</source>
        <translation>aucun cadre {box_id} dans ce dossier</translation>
    </message>
    <message>
        <source>a box needs a label</source>
        <translation>un cadre doit avoir une étiquette</translation>
    </message>
    <message>
        <source>the box lies outside the {width}×{height} photo</source>
        <translation>le cadre se trouve hors de la photo de {width}×{height}</translation>
    </message>
    <message>
        <source>the registration is longer than 40 characters</source>
        <translation>l&apos;immatriculation dépasse 40 caractères</translation>
    </message>
    <message>
        <source>the {field} is longer than {limit} characters</source>
        <translation>le champ « {field} » dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>a box has no field {fields}</source>
        <translation>un cadre n&apos;a pas de champ {fields}</translation>
    </message>
    <message>
        <source>{root}: the database holds no case</source>
        <translation>{root} : la base de données ne contient aucun dossier</translation>
    </message>
    <message>
        <source>{root}: cannot {doing} the case database: {detail}</source>
        <translation>{root} : impossible {doing} la base de données du dossier : {detail}</translation>
    </message>
    <message>
        <source>that database already holds a case</source>
        <translation>cette base de données contient déjà un dossier</translation>
    </message>
    <message>
        <source>{root}: a case already exists here</source>
        <translation>{root} : un dossier existe déjà à cet emplacement</translation>
    </message>
    <message>
        <source>{case_file}: unreadable case file</source>
        <translation>{case_file} : fichier de dossier illisible</translation>
    </message>
    <message>
        <source>{root}: cannot create the case folder ({strerror})</source>
        <translation>{root} : impossible de créer le répertoire du dossier ({strerror})</translation>
    </message>
    <message>
        <source>{root}: no such case folder</source>
        <translation>{root} : aucun répertoire de dossier à cet emplacement</translation>
    </message>
    <message>
        <source>{root}: not a case folder (no {case_file})</source>
        <translation>{root} : ce n&apos;est pas un répertoire de dossier (pas de {case_file})</translation>
    </message>
    <message>
        <source>this case is read-only: its folder {root} cannot be written (read-only disc, share or write-blocked drive); nothing was changed</source>
        <translation>ce dossier est en lecture seule : son répertoire {root} n&apos;est pas accessible en écriture (disque, partage ou lecteur protégé en écriture) ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>{root}: this case was made by an older annotator (schema {revision}) and is read-only here, so it cannot be upgraded; copy the case folder to a writable disk and open the copy</source>
        <translation>{root} : ce dossier a été créé par une version plus ancienne d&apos;annotator (schéma {revision}) et il est ici en lecture seule, il ne peut donc pas être mis à jour ; copiez le répertoire du dossier sur un disque accessible en écriture et ouvrez la copie</translation>
    </message>
    <message>
        <source>this case is read-only: it was opened read-only; nothing was changed</source>
        <translation>ce dossier est en lecture seule : il a été ouvert en lecture seule ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>{root}: the case was not closed cleanly ({wal} holds changes not yet in {db}) and cannot be read where it is; copy the case folder to a writable disk and open the copy</source>
        <translation>{root} : le dossier n&apos;a pas été fermé proprement ({wal} contient des modifications absentes de {db}) et ne peut pas être lu à cet endroit ; copiez le répertoire du dossier sur un disque accessible en écriture et ouvrez la copie</translation>
    </message>
    <message>
        <source>this case was written by a newer version of annotator (schema {revision}); upgrade annotator to open it — nothing was changed</source>
        <translation>ce dossier a été écrit par une version plus récente d&apos;annotator (schéma {revision}) ; mettez annotator à jour pour l&apos;ouvrir — rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>{text} is not a claimed date: give 2023-10-27 or 2023-10-27T10:00 (local time of the place, no offset).</source>
        <translation>{text} n&apos;est pas une date alléguée : indiquez 2023-10-27 ou 2023-10-27T10:00 (heure locale du lieu, sans décalage).</translation>
    </message>
    <message>
        <source>{text} is not an Admiralty grade: give the source&apos;s reliability A–F and the information&apos;s credibility 1–6, e.g. B2.</source>
        <translation>{text} n&apos;est pas une cote de l&apos;Amirauté : indiquez la fiabilité de la source A–F et la crédibilité de l&apos;information 1–6, p. ex. B2.</translation>
    </message>
    <message>
        <source>{raw} is not a position: give LAT,LON in decimal degrees, e.g. 12.5335,-7.9499.</source>
        <translation>{raw} n&apos;est pas une position : indiquez LAT,LON en degrés décimaux, p. ex. 12.5335,-7.9499.</translation>
    </message>
    <message>
        <source>{raw} is outside the globe: latitude −90…90, longitude −180…180.</source>
        <translation>{raw} est hors du globe : latitude −90…90, longitude −180…180.</translation>
    </message>
    <message>
        <source>{root}: the database asks for a password; set {password_env} or type it when asked</source>
        <translation>{root} : la base de données demande un mot de passe ; définissez {password_env} ou saisissez-le quand il est demandé</translation>
    </message>
    <message>
        <source>the database URL must not contain a password; set {password_env} or type it when asked</source>
        <translation>l&apos;URL de la base de données ne doit pas contenir de mot de passe ; définissez {password_env} ou saisissez-le quand il est demandé</translation>
    </message>
    <message>
        <source>{url} is not a database URL</source>
        <translation>{url} n&apos;est pas une URL de base de données</translation>
    </message>
    <message>
        <source>the demo photo {name} was rejected: {reason}</source>
        <translation>la photo de démonstration {name} a été refusée : {reason}</translation>
    </message>
    <message>
        <source>{target}: exists but holds no case; move it away first</source>
        <translation>{target} : existe mais ne contient aucun dossier ; déplacez-le d&apos;abord</translation>
    </message>
    <message>
        <source>{object_type} {object_id} was changed by someone else meanwhile (version {current_version}, you edited version {expected_version}); nothing was overwritten</source>
        <translation>{object_type} {object_id} : modifié entre-temps par quelqu&apos;un d&apos;autre (version {current_version}, vous avez modifié la version {expected_version}) ; rien n&apos;a été écrasé</translation>
    </message>
    <message>
        <source>{name} differs from what the export recorded; the export was stopped</source>
        <translation>{name} diffère de ce que l’export a enregistré ; l’export a été arrêté</translation>
    </message>
    <message>
        <source>{name}: {exc}</source>
        <translation>{name} : {exc}</translation>
    </message>
    <message>
        <source>the folder {parent} does not exist</source>
        <translation>le répertoire {parent} n&apos;existe pas</translation>
    </message>
    <message>
        <source>the period ends ({end}) before it begins ({start}).</source>
        <translation>la période se termine ({end}) avant de commencer ({start}).</translation>
    </message>
    <message>
        <source>{name}: give a file ending in .geojson, .kml, .png or .svg</source>
        <translation>{name} : donnez un fichier en .geojson, .kml, .png ou .svg</translation>
    </message>
    <message>
        <source>cannot create the folder {parent}: {reason}</source>
        <translation>impossible de créer le répertoire {parent} : {reason}</translation>
    </message>
    <message>
        <source>the case&apos;s copy of {photo} is missing from originals/</source>
        <translation>la copie de {photo} conservée par le dossier manque dans originals/</translation>
    </message>
    <message>
        <source>{out} already exists; choose another name</source>
        <translation>{out} existe déjà ; choisissez un autre nom</translation>
    </message>
    <message>
        <source>{out} is a folder; give a file name such as packet.zip</source>
        <translation>{out} est un répertoire ; indiquez un nom de fichier tel que packet.zip</translation>
    </message>
    <message>
        <source>line {line}: {name} {value} is not true or false.</source>
        <translation>ligne {line} : {name} {value} n&apos;est ni true ni false.</translation>
    </message>
    <message>
        <source>line {line}: {name} {text} is not an ISO 8601 time.</source>
        <translation>ligne {line} : {name} {text} n&apos;est pas une heure ISO 8601.</translation>
    </message>
    <message>
        <source>line {line}: {name} {text} has no time zone; end it with Z.</source>
        <translation>ligne {line} : {name} {text} n&apos;a pas de fuseau horaire ; terminez-la par Z.</translation>
    </message>
    <message>
        <source>{name}: unknown column(s) {unknown}; the columns are {columns}.</source>
        <translation>{name} : colonne(s) inconnue(s) {unknown} ; les colonnes sont {columns}.</translation>
    </message>
    <message>
        <source>{where}the arrival ({arr}) is before the departure ({dep}).</source>
        <translation>{where}l&apos;arrivée ({arr}) précède le départ ({dep}).</translation>
    </message>
    <message>
        <source>{where}grade {grade} is not an Admiralty grade (source A–F, information 1–6, e.g. B2).</source>
        <translation>{where}la cote {grade} n&apos;est pas une cote de l&apos;Amirauté (source A–F, information 1–6, p. ex. B2).</translation>
    </message>
    <message>
        <source>{where}{icao} is not an ICAO 24-bit address (six hex digits).</source>
        <translation>{where}{icao} n&apos;est pas une adresse OACI de 24 bits (six chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>{where}{problem}</source>
        <translation>{where}{problem}</translation>
    </message>
    <message>
        <source>{where}source kind {kind} is not one of {source_kinds}.</source>
        <translation>{where}le type de source {kind} n&apos;est pas l&apos;un de ceux-ci : {source_kinds}.</translation>
    </message>
    <message>
        <source>{name} is a damaged gzip file.</source>
        <translation>{name} est un fichier gzip endommagé.</translation>
    </message>
    <message>
        <source>{name} was imported already (flight {seen} has the same SHA-256).</source>
        <translation>{name} a déjà été importé (le vol {seen} a le même SHA-256).</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte {start}).</source>
        <translation>{name} n&apos;est pas du texte UTF-8 (octet {start}).</translation>
    </message>
    <message>
        <source>{name} holds no flight (a track only on the ground shows none).</source>
        <translation>{name} ne contient aucun vol (une trace restée au sol n&apos;en montre aucun).</translation>
    </message>
    <message>
        <source>cannot read {path}: {strerror}.</source>
        <translation>impossible de lire {path} : {strerror}.</translation>
    </message>
    <message>
        <source>cannot tell the format of {name}; give --format.</source>
        <translation>impossible de reconnaître le format de {name} ; indiquez --format.</translation>
    </message>
    <message>
        <source>unknown format {fmt}; use one of auto, {formats}.</source>
        <translation>format {fmt} inconnu ; utilisez auto ou l&apos;un de ceux-ci : {formats}.</translation>
    </message>
    <message>
        <source>{where}a flight needs an aircraft (registration, ICAO address or callsign) or a time (departure or arrival); it has neither</source>
        <translation>{where}un vol doit avoir un aéronef (immatriculation, adresse OACI ou indicatif) ou une heure (départ ou arrivée) ; celui-ci n&apos;a ni l&apos;un ni l&apos;autre</translation>
    </message>
    <message>
        <source>no flight {flight_id} in this case</source>
        <translation>aucun vol {flight_id} dans ce dossier</translation>
    </message>
    <message>
        <source>{where}the {name} time has no time zone; give it in UTC.</source>
        <translation>{where}l&apos;heure de {name} n&apos;a pas de fuseau horaire ; indiquez-la en UTC.</translation>
    </message>
    <message>
        <source>{where}{what} {text} is not a known airport (give its ICAO code).</source>
        <translation>{where}{what} : {text} n&apos;est pas un aéroport connu (indiquez son code OACI).</translation>
    </message>
    <message>
        <source>cannot edit {fields} of a flight.</source>
        <translation>impossible de modifier {fields} d&apos;un vol.</translation>
    </message>
    <message>
        <source>line {line}: Altitude {row} is not a number.</source>
        <translation>ligne {line} : l&apos;altitude {row} n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <source>line {line}: Position is not &quot;lat,lon&quot;.</source>
        <translation>ligne {line} : Position n&apos;est pas de la forme « lat,lon ».</translation>
    </message>
    <message>
        <source>{name} lacks the Flightradar24 column(s) {missing}.</source>
        <translation>il manque à {name} la ou les colonnes Flightradar24 {missing}.</translation>
    </message>
    <message>
        <source>{name} has no track points.</source>
        <translation>{name} n&apos;a aucun point de trace.</translation>
    </message>
    <message>
        <source>line {line}: no readable Timestamp or UTC time.</source>
        <translation>ligne {line} : aucun Timestamp ni heure UTC lisible.</translation>
    </message>
    <message>
        <source>line {line}: Position is not a position on the globe.</source>
        <translation>ligne {line} : Position n&apos;est pas une position sur le globe.</translation>
    </message>
    <message>
        <source>HEIF support (pillow-heif) is not installed</source>
        <translation>la prise en charge de HEIF (pillow-heif) n&apos;est pas installée</translation>
    </message>
    <message>
        <source>decompression bomb: {pixels} pixels exceeds the limit of {limit}</source>
        <translation>bombe de décompression : {pixels} pixels dépassent la limite de {limit}</translation>
    </message>
    <message>
        <source>truncated or corrupt image data</source>
        <translation>données d&apos;image tronquées ou corrompues</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>fichier vide</translation>
    </message>
    <message>
        <source>unreadable: is a directory</source>
        <translation>illisible : c&apos;est un répertoire</translation>
    </message>
    <message>
        <source>unreadable: is a folder</source>
        <translation>illisible : c&apos;est un répertoire</translation>
    </message>
    <message>
        <source>not an image file</source>
        <translation>ce n&apos;est pas un fichier image</translation>
    </message>
    <message>
        <source>unreadable: no such file</source>
        <translation>illisible : fichier introuvable</translation>
    </message>
    <message>
        <source>unreadable: permission denied</source>
        <translation>illisible : permission refusée</translation>
    </message>
    <message>
        <source>cannot be read: {kind}: {detail}</source>
        <translation>lecture impossible : {kind} : {detail}</translation>
    </message>
    <message>
        <source>image too large to decode in memory</source>
        <translation>image trop grande pour être décodée en mémoire</translation>
    </message>
    <message>
        <source>unreadable: {detail}</source>
        <translation>illisible : {detail}</translation>
    </message>
    <message>
        <source>--jobs must be at least 1</source>
        <translation>--jobs doit valoir au moins 1</translation>
    </message>
    <message>
        <source>--max-pixels must be a positive number of pixels</source>
        <translation>--max-pixels doit être un nombre de pixels positif</translation>
    </message>
    <message>
        <source>unreadable: a broken symbolic link</source>
        <translation>illisible : lien symbolique rompu</translation>
    </message>
    <message>
        <source>not a regular file (a device)</source>
        <translation>pas un fichier ordinaire (un périphérique)</translation>
    </message>
    <message>
        <source>cannot list folder: {reason}</source>
        <translation>impossible de lister le répertoire : {reason}</translation>
    </message>
    <message>
        <source>inside the case folder: not imported</source>
        <translation>dans le répertoire du dossier : non importé</translation>
    </message>
    <message>
        <source>internal error: {kind}: {detail}</source>
        <translation>erreur interne : {kind} : {detail}</translation>
    </message>
    <message>
        <source>not a regular file (a named pipe)</source>
        <translation>pas un fichier ordinaire (un tube nommé)</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>fichier ou répertoire introuvable</translation>
    </message>
    <message>
        <source>could not be recorded in the case: {detail}</source>
        <translation>n&apos;a pas pu être enregistré dans le dossier : {detail}</translation>
    </message>
    <message>
        <source>not a regular file (a socket)</source>
        <translation>pas un fichier ordinaire (un socket)</translation>
    </message>
    <message>
        <source>{name} is not valid JSON (line {lineno}).</source>
        <translation>{name} n&apos;est pas du JSON valide (ligne {lineno}).</translation>
    </message>
    <message>
        <source>{path} already exists; refusing to overwrite a key</source>
        <translation>{path} existe déjà ; une clé n&apos;est jamais écrasée</translation>
    </message>
    <message>
        <source>{path} is not an Ed25519 key (make one with `annotator keygen`)</source>
        <translation>{path} n&apos;est pas une clé Ed25519 (créez-en une avec `annotator keygen`)</translation>
    </message>
    <message>
        <source>{path} is not an unencrypted PEM private key (make one with `annotator keygen`)</source>
        <translation>{path} n&apos;est pas une clé privée PEM non chiffrée (créez-en une avec `annotator keygen`)</translation>
    </message>
    <message>
        <source>cannot read the key file {path}: {strerror}</source>
        <translation>impossible de lire le fichier de clé {path} : {strerror}</translation>
    </message>
    <message>
        <source>cannot write the key to {out}: {strerror}</source>
        <translation>impossible d&apos;écrire la clé dans {out} : {strerror}</translation>
    </message>
    <message>
        <source>KML point {number}: {coordinates} is not lon,lat[,alt].</source>
        <translation>point KML {number} : {coordinates} n&apos;est pas de la forme lon,lat[,alt].</translation>
    </message>
    <message>
        <source>KML point {number}: {when} is not an ISO time.</source>
        <translation>point KML {number} : {when} n&apos;est pas une heure ISO.</translation>
    </message>
    <message>
        <source>{name} is not well-formed KML ({exc}).</source>
        <translation>{name} n&apos;est pas du KML bien formé ({exc}).</translation>
    </message>
    <message>
        <source>{name} holds no timed track points (gx:Track or Placemarks with TimeStamp and Point).</source>
        <translation>{name} ne contient aucun point de trace horodaté (gx:Track ou Placemarks avec TimeStamp et Point).</translation>
    </message>
    <message>
        <source>KML point {number} lacks a time or coordinates.</source>
        <translation>il manque une heure ou des coordonnées au point KML {number}.</translation>
    </message>
    <message>
        <source>{name}: a gx:Track has {n_whens} times for {n_coords} positions.</source>
        <translation>{name} : un gx:Track a {n_whens} heures pour {n_coords} positions.</translation>
    </message>
    <message>
        <source>a label cannot be empty</source>
        <translation>une étiquette ne peut pas être vide</translation>
    </message>
    <message>
        <source>the label {name} is already in the list</source>
        <translation>l&apos;étiquette {name} est déjà dans la liste</translation>
    </message>
    <message>
        <source>the label {label} is on {used} box(es); relabel them first</source>
        <translation>l&apos;étiquette {label} est sur {used} cadre(s) ; changez-leur d&apos;abord d&apos;étiquette</translation>
    </message>
    <message>
        <source>the case needs at least one label</source>
        <translation>le dossier doit avoir au moins une étiquette</translation>
    </message>
    <message>
        <source>no label {label} in this case</source>
        <translation>aucune étiquette {label} dans ce dossier</translation>
    </message>
    <message>
        <source>no label {old} in this case</source>
        <translation>aucune étiquette {old} dans ce dossier</translation>
    </message>
    <message>
        <source>relation {relation} is not one of {relations}.</source>
        <translation>la relation {relation} n&apos;est pas l&apos;une de celles-ci : {relations}.</translation>
    </message>
    <message>
        <source>photo {photo} is already linked to flight {flight_id}.</source>
        <translation>la photo {photo} est déjà liée au vol {flight_id}.</translation>
    </message>
    <message>
        <source>photo {photo} is not linked to flight {flight_id}.</source>
        <translation>la photo {photo} n&apos;est pas liée au vol {flight_id}.</translation>
    </message>
    <message>
        <source>no photo {photo} in this case</source>
        <translation>aucune photo {photo} dans ce dossier</translation>
    </message>
    <message>
        <source>record {number}: {name} {value} is not a Unix time.</source>
        <translation>enregistrement {number} : {name} {value} n&apos;est pas une heure Unix.</translation>
    </message>
    <message>
        <source>{name} is not a list of OpenSky flight records.</source>
        <translation>{name} n&apos;est pas une liste d&apos;enregistrements de vols OpenSky.</translation>
    </message>
    <message>
        <source>record {number} is not an OpenSky flight (no icao24).</source>
        <translation>l&apos;enregistrement {number} n&apos;est pas un vol OpenSky (pas d&apos;icao24).</translation>
    </message>
    <message>
        <source>line {line}: {name} {value} is not a number.</source>
        <translation>ligne {line} : {name} {value} n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <source>line {line}: time {value} is not a Unix time.</source>
        <translation>ligne {line} : l&apos;heure {value} n&apos;est pas une heure Unix.</translation>
    </message>
    <message>
        <source>{name} lacks the OpenSky column(s) {missing}.</source>
        <translation>il manque à {name} la ou les colonnes OpenSky {missing}.</translation>
    </message>
    <message>
        <source>line {line}: no icao24.</source>
        <translation>ligne {line} : pas d&apos;icao24.</translation>
    </message>
    <message>
        <source>--box must be X,Y,W,H (four numbers), not {text}</source>
        <translation>--box doit être X,Y,L,H (quatre nombres), pas {text}</translation>
    </message>
    <message>
        <source>the OCR models are missing from {folder}: {missing}</source>
        <translation>les modèles d&apos;OCR manquent dans {folder} : {missing}</translation>
    </message>
    <message>
        <source>the OCR engine is not installed ({name}); install annotator&apos;s dependencies again</source>
        <translation>le moteur d&apos;OCR n&apos;est pas installé ({name}) ; réinstallez les dépendances d&apos;annotator</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path} : fichier introuvable</translation>
    </message>
    <message>
        <source>{path} is not a readable zip file</source>
        <translation>{path} n&apos;est pas un fichier zip lisible</translation>
    </message>
    <message>
        <source>{path} has no SHA256SUMS: not an evidence packet</source>
        <translation>{path} n&apos;a pas de SHA256SUMS : ce n&apos;est pas un paquet de preuves</translation>
    </message>
    <message>
        <source>{path} is already stamped (SHA256SUMS.tsr exists)</source>
        <translation>{path} est déjà horodaté (SHA256SUMS.tsr existe)</translation>
    </message>
    <message>
        <source>{path} has no SHA256SUMS.tsq (exported before time stamps): stamp it with --tsa URL, which makes the request too</source>
        <translation>{path} n&apos;a pas de SHA256SUMS.tsq (exporté avant l&apos;horodatage) : horodatez-le avec --tsa URL, qui crée aussi la requête</translation>
    </message>
    <message>
        <source>SHA256SUMS.tsq is not a time-stamp request ({reason})</source>
        <translation>SHA256SUMS.tsq n&apos;est pas une requête d&apos;horodatage ({reason})</translation>
    </message>
    <message>
        <source>give --tsa URL or --reply FILE.tsr</source>
        <translation>indiquez --tsa URL ou --reply FICHIER.tsr</translation>
    </message>
    <message>
        <source>the reply does not stamp this packet: {problem}</source>
        <translation>la réponse n&apos;horodate pas ce paquet : {problem}</translation>
    </message>
    <message>
        <source>{path}: cannot read ({strerror})</source>
        <translation>{path} : lecture impossible ({strerror})</translation>
    </message>
    <message>
        <source>{path} is not a certificate (PEM or DER)</source>
        <translation>{path} n&apos;est pas un certificat (PEM ou DER)</translation>
    </message>
    <message>
        <source>{url}: a time-stamp authority&apos;s address starts with http:// or https://</source>
        <translation>{url} : l&apos;adresse d&apos;une autorité d&apos;horodatage commence par http:// ou https://</translation>
    </message>
    <message>
        <source>the time-stamp authority {url} could not be reached ({reason})</source>
        <translation>l&apos;autorité d&apos;horodatage {url} est injoignable ({reason})</translation>
    </message>
    <message>
        <source>{url} answered with more than 1 MB: not a time-stamp reply</source>
        <translation>{url} a répondu par plus de 1 Mo : ce n&apos;est pas une réponse d&apos;horodatage</translation>
    </message>
    <message>
        <source>no photo with id {photo_id} in this case</source>
        <translation>aucune photo d&apos;identifiant {photo_id} dans ce dossier</translation>
    </message>
    <message>
        <source>photo {photo_id} is not in this case</source>
        <translation>la photo {photo_id} n&apos;est pas dans ce dossier</translation>
    </message>
    <message>
        <source>{ref} names {n_candidates} photos: {shown}; give its id or more of the SHA-256</source>
        <translation>{ref} désigne {n_candidates} photos : {shown} ; donnez son identifiant ou davantage du SHA-256</translation>
    </message>
    <message>
        <source>no photo in this case matches {ref} (give its id, a SHA-256 prefix of at least {min_chars} characters or its file name)</source>
        <translation>aucune photo de ce dossier ne correspond à {ref} (donnez son identifiant, un préfixe SHA-256 d&apos;au moins {min_chars} caractères ou son nom de fichier)</translation>
    </message>
    <message>
        <source>no photo in this case matches {ref} (a SHA-256 prefix needs at least {min_chars} characters)</source>
        <translation>aucune photo de ce dossier ne correspond à {ref} (un préfixe SHA-256 doit compter au moins {min_chars} caractères)</translation>
    </message>
    <message>
        <source>no photo named: the reference is empty</source>
        <translation>aucune photo désignée : la référence est vide</translation>
    </message>
    <message>
        <source>{origin} is not an Ed25519 public key</source>
        <translation>{origin} n&apos;est pas une clé publique Ed25519</translation>
    </message>
    <message>
        <source>{origin} is not a PEM public key</source>
        <translation>{origin} n&apos;est pas une clé publique PEM</translation>
    </message>
    <message>
        <source>cannot read the public key {path}: {strerror}</source>
        <translation>impossible de lire la clé publique {path} : {strerror}</translation>
    </message>
    <message>
        <source>{text} is not an aircraft type of the heights table (known: {known}); type the height instead</source>
        <translation>{text} n&apos;est pas un type d&apos;aéronef de la table des hauteurs (connus : {known}) ; saisissez la hauteur</translation>
    </message>
    <message>
        <source>every point, size, bearing and height must be a finite number</source>
        <translation>chaque point, dimension, orientation et hauteur doit être un nombre fini</translation>
    </message>
    <message>
        <source>the ground rectangle&apos;s size must be positive (got {length} × {width} m)</source>
        <translation>les dimensions du rectangle au sol doivent être positives (reçu {length} × {width} m)</translation>
    </message>
    <message>
        <source>the object&apos;s height must be positive (got {height} m)</source>
        <translation>la hauteur de l&apos;objet doit être positive (reçu {height} m)</translation>
    </message>
    <message>
        <source>the pixel error must be between 0 and 50 pixels (got {pixel_error})</source>
        <translation>l&apos;erreur de pointage doit être comprise entre 0 et 50 pixels (reçu {pixel_error})</translation>
    </message>
    <message>
        <source>the {what} ({x},{y}) lies outside the {width}×{height} photo (displayed pixels, after EXIF orientation)</source>
        <translation>le point {what} ({x},{y}) est hors de la photo de {width}×{height} (pixels affichés, après l&apos;orientation EXIF)</translation>
    </message>
    <message>
        <source>the four ground corners do not go round a convex quadrilateral: mark them in order around the rectangle (either way round)</source>
        <translation>les quatre coins au sol ne décrivent pas un quadrilatère convexe : pointez-les dans l&apos;ordre autour du rectangle (dans un sens ou dans l&apos;autre)</translation>
    </message>
    <message>
        <source>the ground rectangle is seen nearly edge-on ({thin_text} px across, less than {limit_text} px): its corners cannot rectify the ground; mark a rectangle seen more from above</source>
        <translation>le rectangle au sol est vu presque par la tranche ({thin_text} px d&apos;épaisseur, moins de {limit_text} px) : ses coins ne peuvent pas redresser le sol ; pointez un rectangle vu davantage du dessus</translation>
    </message>
    <message>
        <source>the shadow is {px_text} px long, too short for a marking precision of {pixel_error} px (at least {min_text} px)</source>
        <translation>l&apos;ombre mesure {px_text} px, trop peu pour une précision de pointage de {pixel_error} px (au moins {min_text} px)</translation>
    </message>
    <message>
        <source>the foot or the shadow&apos;s tip lies at or beyond the ground&apos;s horizon line (as the rectangle fixes it): it cannot be on the ground; check the marks</source>
        <translation>le pied ou l&apos;extrémité de l&apos;ombre est sur la ligne d&apos;horizon du sol (fixée par le rectangle) ou au-delà : il ne peut pas être au sol ; vérifiez les points</translation>
    </message>
    <message>
        <source>the marks are too near a degenerate case: a marking error of {pixel_error} px turns {share} % of plausible markings into impossible ones (rectangle edge-on, tip past the horizon); mark a larger rectangle or a shadow nearer the camera</source>
        <translation>les points sont trop proches d&apos;un cas dégénéré : une erreur de pointage de {pixel_error} px rend impossibles {share} % des pointages plausibles (rectangle vu par la tranche, extrémité au-delà de l&apos;horizon) ; pointez un rectangle plus grand ou une ombre plus proche de l&apos;appareil</translation>
    </message>
    <message>
        <source>the shadow&apos;s direction is known only within ±{err_text}° at a marking precision of {pixel_error} px: too uncertain to date anything</source>
        <translation>la direction de l&apos;ombre n&apos;est connue qu&apos;à ±{err_text}° près pour une précision de pointage de {pixel_error} px : trop incertain pour dater quoi que ce soit</translation>
    </message>
    <message>
        <source>{text} is not a date: give YYYY-MM-DD, e.g. 2023-10-27</source>
        <translation>{text} n&apos;est pas une date : indiquez AAAA-MM-JJ, p. ex. 2023-10-27</translation>
    </message>
    <message>
        <source>no place to read the shadow at: the photo has no GPS position, claimed place or linked airport; give --place ICAO or LAT,LON</source>
        <translation>aucun lieu où lire l&apos;ombre : la photo n&apos;a ni position GPS, ni lieu allégué, ni aéroport relié ; indiquez un lieu (code OACI ou lat,lon)</translation>
    </message>
    <message>
        <source>no date to read the shadow on: the photo has no capture time in UTC; give --date YYYY-MM-DD</source>
        <translation>aucune date où lire l&apos;ombre : la photo n&apos;a pas d&apos;heure de prise de vue en UTC ; indiquez une date AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>RAW format Pillow cannot decode ({kind}), and no metadata could be read ({detail})</source>
        <translation>format RAW que Pillow ne sait pas décoder ({kind}), et aucune métadonnée n&apos;a pu être lue ({detail})</translation>
    </message>
    <message>
        <source>unsupported RAW format ({kind}): its pixels cannot be decoded</source>
        <translation>format RAW non pris en charge ({kind}) : ses pixels ne peuvent pas être décodés</translation>
    </message>
    <message>
        <source>trace point {number} has an unreadable altitude {alt_raw}.</source>
        <translation>le point de trace {number} a une altitude illisible {alt_raw}.</translation>
    </message>
    <message>
        <source>trace point {number} is not a list of at least 4 values.</source>
        <translation>le point de trace {number} n&apos;est pas une liste d&apos;au moins 4 valeurs.</translation>
    </message>
    <message>
        <source>{name}: timestamp or trace is malformed.</source>
        <translation>{name} : timestamp ou trace mal formé.</translation>
    </message>
    <message>
        <source>{name} is not a readsb trace (no trace or timestamp).</source>
        <translation>{name} n&apos;est pas une trace readsb (pas de trace ni de timestamp).</translation>
    </message>
    <message>
        <source>trace point {number} has no time.</source>
        <translation>le point de trace {number} n&apos;a pas d&apos;heure.</translation>
    </message>
    <message>
        <source>trace point {number} has a position off the globe.</source>
        <translation>le point de trace {number} a une position hors du globe.</translation>
    </message>
    <message>
        <source>the registration ends before it begins.</source>
        <translation>l&apos;immatriculation se termine avant de commencer.</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>the registration tag is empty</source>
        <translation>l&apos;immatriculation recherchée est vide</translation>
    </message>
    <message>
        <source>the case has no photos to export</source>
        <translation>le dossier n&apos;a aucune photo à exporter</translation>
    </message>
    <message>
        <source>no photo with id {pid} in this case</source>
        <translation>aucune photo d&apos;identifiant {pid} dans ce dossier</translation>
    </message>
    <message>
        <source>no box in this case is tagged {tag}</source>
        <translation>aucun cadre de ce dossier ne porte l&apos;immatriculation {tag}</translation>
    </message>
    <message>
        <source>the case&apos;s copy of {name} no longer matches its recorded SHA-256 (the store was altered); the export was stopped</source>
        <translation>la copie de {name} conservée par le dossier ne correspond plus à son SHA-256 enregistré (le stockage a été altéré) ; l&apos;export a été arrêté</translation>
    </message>
    <message>
        <source>the {what} {text} is not an ISO 8601 time (e.g. 2023-10-27T10:40Z)</source>
        <translation>{what} {text} : ce n&apos;est pas une heure ISO 8601 (p. ex. 2023-10-27T10:40Z)</translation>
    </message>
    <message>
        <source>the {what} {text} has no time zone: add Z or an offset (e.g. 2023-10-29T14:00Z or 2023-10-29T14:00+01:00)</source>
        <translation>{what} {text} : aucun fuseau horaire ; ajoutez Z ou un décalage (p. ex. 2023-10-29T14:00Z ou 2023-10-29T14:00+01:00)</translation>
    </message>
    <message>
        <source>the worker process died while reading this file (a decoder crash or out of memory)</source>
        <translation>le processus de travail s&apos;est arrêté pendant la lecture de ce fichier (plantage d&apos;un décodeur ou mémoire épuisée)</translation>
    </message>
    <message>
        <source>reading this file took more than {seconds} s; its worker was stopped</source>
        <translation>la lecture de ce fichier a pris plus de {seconds} s ; son processus de travail a été arrêté</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origine</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destination</translation>
    </message>
    <message>
        <source>departure</source>
        <translation>départ</translation>
    </message>
    <message>
        <source>arrival</source>
        <translation>arrivée</translation>
    </message>
    <message>
        <source>time</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>post time</source>
        <translation>heure de publication</translation>
    </message>
    <message>
        <source>departure time</source>
        <translation>heure de départ</translation>
    </message>
    <message>
        <source>arrival time</source>
        <translation>heure d&apos;arrivée</translation>
    </message>
    <message>
        <source>acquisition time</source>
        <translation>heure d&apos;acquisition</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>archive URL</source>
        <translation>URL d&apos;archive</translation>
    </message>
    <message>
        <source>box</source>
        <translation>cadre</translation>
    </message>
    <message>
        <source>flight</source>
        <translation>vol</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>allégation</translation>
    </message>
    <message>
        <source>acquisition</source>
        <translation>acquisition</translation>
    </message>
    <message>
        <source>label</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>aircraft type</source>
        <translation>type d&apos;aéronef</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>exploitant</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>immatriculation</translation>
    </message>
    <message>
        <source>open</source>
        <translation>d&apos;ouvrir</translation>
    </message>
    <message>
        <source>create</source>
        <translation>de créer</translation>
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
        <source>The time zone at the GPS position ({zone}, {offset}) disagrees: the camera clock may be set to another zone, or the GPS fix may be old.</source>
        <translation>Le fuseau horaire à la position GPS ({zone}, {offset}) ne concorde pas : l&apos;horloge de l&apos;appareil est peut-être réglée sur un autre fuseau, ou la position GPS est peut-être ancienne.</translation>
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
        <source>the airport of linked flight {flight} ({place})</source>
        <translation>l&apos;aéroport du vol lié {flight} ({place})</translation>
    </message>
    <message>
        <source>the claimed place ({place})</source>
        <translation>le lieu allégué ({place})</translation>
    </message>
    <message>
        <source>The photo&apos;s GPS position ({gps}) is {km} km from {where}; more than the {limit} km its position error allows.</source>
        <translation>La position GPS de la photo ({gps}) est à {km} km de {where}, au-delà des {limit} km que permet son erreur de position.</translation>
    </message>
    <message>
        <source>on the C2PA trust list</source>
        <translation>figurant sur la liste de confiance C2PA</translation>
    </message>
    <message>
        <source>intact, but the signer is not on the C2PA trust list</source>
        <translation>intacts, mais le signataire ne figure pas sur la liste de confiance C2PA</translation>
    </message>
    <message>
        <source> at {0} (trusted time stamp)</source>
        <translation> le {0} (horodatage de confiance)</translation>
    </message>
    <message>
        <source>The photo carries content credentials signed by {signer}{signed}{made}: {standing}.</source>
        <translation>La photo porte des identifiants de contenu signés par {signer}{signed}{made} : {standing}.</translation>
    </message>
    <message>
        <source>The content credentials record {n} action(s) after capture that change the picture: {listed}.</source>
        <translation>Les identifiants de contenu enregistrent {n} action(s) postérieure(s) à la prise de vue qui modifient l&apos;image : {listed}.</translation>
    </message>
    <message>
        <source>the manifest store is damaged and cannot be read ({0})</source>
        <translation>le magasin de manifestes est endommagé et illisible ({0})</translation>
    </message>
    <message>
        <source>the picture&apos;s bytes are no longer those that were signed ({0})</source>
        <translation>les octets de l&apos;image ne sont plus ceux qui ont été signés ({0})</translation>
    </message>
    <message>
        <source>the manifest fails validation ({0})</source>
        <translation>le manifeste échoue à la validation ({0})</translation>
    </message>
    <message>
        <source>The content credentials (C2PA manifest) do not match the picture: {why}. The file was changed after it was signed, or the credentials were damaged or forged.</source>
        <translation>Les identifiants de contenu (manifeste C2PA) ne correspondent pas à l&apos;image : {why}. Le fichier a été modifié après sa signature, ou les identifiants ont été endommagés ou falsifiés.</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>reencoded</source>
        <translation>réencodée</translation>
    </message>
    <message>
        <source>resized</source>
        <translation>redimensionnée</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>semblable</translation>
    </message>
    <message>
        <source>Photo {photo} of the case is a larger or less re-encoded copy of this picture (this one is {relation}): it is the best copy available.</source>
        <translation>La photo {photo} du dossier est une copie plus grande ou moins réencodée de cette image (celle-ci est {relation}) : c&apos;est la meilleure copie disponible.</translation>
    </message>
    <message>
        <source>Photo {photo} of the case is a copy of this picture posted earlier ({posted}): the picture existed by then, and its capture time is bounded by that posting.</source>
        <translation>La photo {photo} du dossier est une copie de cette image publiée plus tôt ({posted}) : l&apos;image existait déjà à ce moment, et son heure de prise de vue est bornée par cette publication.</translation>
    </message>
    <message>
        <source>The quantization tables are none of the {n} the reference records for the {camera} named in EXIF, and are those of: {matched}: the picture was probably saved again by other software after the camera.</source>
        <translation>Les tables de quantification ne sont aucune des {n} que la référence recense pour l&apos;appareil {camera} nommé dans l&apos;EXIF, et sont celles de : {matched} ; l&apos;image a probablement été réenregistrée par un autre logiciel après l&apos;appareil.</translation>
    </message>
    <message>
        <source>The quantization tables are none of the {n} the reference records for the {camera} named in EXIF, and match no other entry either: the camera may use tables the reference lacks, or other software saved it.</source>
        <translation>Les tables de quantification ne sont aucune des {n} que la référence recense pour l&apos;appareil {camera} nommé dans l&apos;EXIF, et ne correspondent à aucune autre entrée : l&apos;appareil utilise peut-être des tables absentes de la référence, ou un autre logiciel l&apos;a enregistrée.</translation>
    </message>
    <message>
        <source>no EXIF (camera, date) in the file</source>
        <translation>pas d&apos;EXIF (appareil, date) dans le fichier</translation>
    </message>
    <message>
        <source>libjpeg&apos;s standard tables at quality {q}, as sharing services and most software write them</source>
        <translation>tables standard de libjpeg à la qualité {q}, comme les écrivent les services de partage et la plupart des logiciels</translation>
    </message>
    <message>
        <source>long side of {n} px, a size sharing services cap pictures to</source>
        <translation>grand côté de {n} px, une taille à laquelle les services de partage limitent les images</translation>
    </message>
    <message>
        <source>no EXIF thumbnail</source>
        <translation>pas de miniature EXIF</translation>
    </message>
    <message>
        <source>Signs of re-encoding by a sharing service or an editor: {signs}. This is probably not the original file: the original may exist elsewhere.</source>
        <translation>Indices d&apos;un réencodage par un service de partage ou un éditeur : {signs}. Ce n&apos;est probablement pas le fichier original : l&apos;original existe peut-être ailleurs.</translation>
    </message>
    <message>
        <source>Consistent with: {0}.</source>
        <translation>Compatible avec : {0}.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>azimuth {az}° ± {err}°</source>
        <translation>azimut {az}° ± {err}°</translation>
    </message>
    <message>
        <source>, elevation {el}° ± {err}°</source>
        <translation>, hauteur {el}° ± {err}°</translation>
    </message>
    <message>
        <source>The shadow measured on the photo puts the sun at {measured}; seen from {place} it stood there on the capture&apos;s day {windows}, which holds the capture time {capture}.</source>
        <translation>L&apos;ombre mesurée sur la photo place le soleil à {measured} ; vu depuis {place}, il s&apos;y trouvait le jour de la prise de vue {windows}, ce qui comprend l&apos;heure de prise de vue {capture}.</translation>
    </message>
    <message>
        <source>The shadow measured on the photo puts the sun at {measured}, but at the capture time {capture} it stood at azimuth {az}°, elevation {el}° seen from {place} ({diff}° away); that day it stood where the shadow says {windows}.</source>
        <translation>L&apos;ombre mesurée sur la photo place le soleil à {measured}, mais à l&apos;heure de prise de vue {capture} il se trouvait à l&apos;azimut {az}°, hauteur {el}°, vu depuis {place} (à {diff}°) ; ce jour-là, il se trouvait là où l&apos;ombre l&apos;indique : {windows}.</translation>
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
        <source>At the capture time the sun stood {elevation}° above the horizon at azimuth {azimuth}° (clockwise from north), seen from {place}.</source>
        <translation>À l&apos;heure de la prise de vue, le soleil était à {elevation}° au-dessus de l&apos;horizon, à l&apos;azimut {azimuth}° (sens horaire depuis le nord), vu depuis {place}.</translation>
    </message>
    <message>
        <source>The sun was {depth}° below the horizon at the capture time and place: it was night, so a photo showing daylight contradicts this time or place.</source>
        <translation>Le soleil était à {depth}° sous l&apos;horizon à l&apos;heure et au lieu de la prise de vue : il faisait nuit, donc une photo montrant la lumière du jour contredit cette heure ou ce lieu.</translation>
    </message>
    <message>
        <source>The reference of quantization tables has no entry for the {camera} named in EXIF; nothing can be said about whether the tables are its own.</source>
        <translation>La référence des tables de quantification n&apos;a aucune entrée pour l&apos;appareil {camera} nommé dans l&apos;EXIF ; rien ne peut être dit sur le fait que les tables soient les siennes.</translation>
    </message>
    <message>
        <source>The DCT coefficients show a first JPEG compression at about quality {quality} before the present one (confidence {confidence}): the picture was saved at least twice.</source>
        <translation>Les coefficients DCT montrent une première compression JPEG vers la qualité {quality} avant l&apos;actuelle (confiance {confidence}) : l&apos;image a été enregistrée au moins deux fois.</translation>
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
        <source>{reused} of {photos} photo(s) had their pictures rendered ahead, in the background after their edits; the others were rendered now.</source>
        <translation>Images de {reused} photo(s) sur {photos} préparées à l’avance, en arrière-plan après leurs modifications ; les autres ont été produites maintenant.</translation>
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
</context>
<context>
    <name>FlightTableModel</name>
    <message>
        <source>between {0} and {1}</source>
        <translation>entre {0} et {1}</translation>
    </message>
    <message>
        <source>before {0}</source>
        <translation>avant {0}</translation>
    </message>
    <message>
        <source>after {0}</source>
        <translation>après {0}</translation>
    </message>
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
        <source>before dep.</source>
        <translation>avant dép.</translation>
    </message>
    <message>
        <source>after arr.</source>
        <translation>après arr.</translation>
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
    <message>
        <source>Note: {0}</source>
        <translation>Note : {0}</translation>
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
        <source>Wheel: zoom time · drag: pan · Shift+wheel: scroll rows</source>
        <translation>Molette : zoom sur le temps · glisser : déplacer · Maj+molette : faire défiler les lignes</translation>
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
    <name>HistoryPanel</name>
    <message>
        <source>No photo selected.</source>
        <translation>Aucune photo sélectionnée.</translation>
    </message>
    <message>
        <source>Look for a double compression</source>
        <translation>Chercher une double compression</translation>
    </message>
    <message>
        <source>Error level</source>
        <translation>Niveau d&apos;erreur</translation>
    </message>
    <message>
        <source>Differences between the photo and itself re-saved at the chosen quality, drawn over it</source>
        <translation>Différences entre la photo et sa réenregistrement à la qualité choisie, dessinées par-dessus</translation>
    </message>
    <message>
        <source>JPEG ghost</source>
        <translation>Fantôme JPEG</translation>
    </message>
    <message>
        <source>Where the photo matches a re-save at the chosen quality (a region saved before at that quality shows dark)</source>
        <translation>Là où la photo coïncide avec un réenregistrement à la qualité choisie (une zone déjà enregistrée à cette qualité apparaît sombre)</translation>
    </message>
    <message>
        <source> quality</source>
        <translation> de qualité</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Tables of</source>
        <translation>Tables de</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codage</translation>
    </message>
    <message>
        <source>Compressed twice</source>
        <translation>Compressée deux fois</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Indices</translation>
    </message>
    <message>
        <source>not recorded (imported before file histories were kept)</source>
        <translation>non enregistré (importée avant que l&apos;historique des fichiers soit conservé)</translation>
    </message>
    <message>
        <source>not a JPEG</source>
        <translation>pas un JPEG</translation>
    </message>
    <message>
        <source>{name} (exact)</source>
        <translation>{name} (exact)</translation>
    </message>
    <message>
        <source>{name} (close)</source>
        <translation>{name} (proche)</translation>
    </message>
    <message>
        <source>no camera, editor or platform in the reference</source>
        <translation>aucun appareil, éditeur ou plateforme de la référence</translation>
    </message>
    <message>
        <source>{scan}, chroma {subsampling}{optimized}</source>
        <translation>{scan}, chrominance {subsampling}{optimized}</translation>
    </message>
    <message>
        <source>progressive</source>
        <translation>progressif</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>séquentiel</translation>
    </message>
    <message>
        <source>, optimized Huffman tables</source>
        <translation>, tables de Huffman optimisées</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>{q} (IJG&apos;s standard tables)</source>
        <translation>{q} (tables standard de l&apos;IJG)</translation>
    </message>
    <message>
        <source>about {q} (not IJG&apos;s tables)</source>
        <translation>environ {q} (pas les tables de l&apos;IJG)</translation>
    </message>
    <message>
        <source>not looked for yet</source>
        <translation>pas encore recherchée</translation>
    </message>
    <message>
        <source>probably: first at about quality {q} (confidence {c})</source>
        <translation>probablement : d&apos;abord vers la qualité {q} (confiance {c})</translation>
    </message>
    <message>
        <source>no sign of it (confidence {c})</source>
        <translation>aucun indice (confiance {c})</translation>
    </message>
    <message>
        <source>looking…</source>
        <translation>recherche…</translation>
    </message>
    <message>
        <source>could not be read: {0}</source>
        <translation>illisible : {0}</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>calcul…</translation>
    </message>
    <message>
        <source>{kind} at quality {q} drawn over the photo</source>
        <translation>{kind} à la qualité {q} dessiné sur la photo</translation>
    </message>
    <message>
        <source>Not computed: {0}</source>
        <translation>Non calculé : {0}</translation>
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
        <source>Copy list</source>
        <translation>Copier la liste</translation>
    </message>
    <message>
        <source>Copy every rejected file and its reason, tab-separated</source>
        <translation>Copier chaque fichier rejeté et son motif, séparés par des tabulations</translation>
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
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Historique des annulations</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
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
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
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
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <source>Map in a &amp;window</source>
        <translation>Carte dans une &amp;fenêtre</translation>
    </message>
    <message>
        <source>Open the map in a window of its own (for a second screen)</source>
        <translation>Ouvrir la carte dans une fenêtre à part (pour un second écran)</translation>
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
        <source>&amp;Sun and shadows…</source>
        <translation>S&amp;oleil et ombres…</translation>
    </message>
    <message>
        <source>Measure the sun&apos;s position from a shadow on the photo, and when it stood there</source>
        <translation>Mesurer la position du soleil d&apos;après une ombre sur la photo, et quand il s&apos;y trouvait</translation>
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
        <source>&amp;Time-stamp a packet…</source>
        <translation>&amp;Horodater un paquet…</translation>
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
        <source>The packet is intact: {n} files in the packet listed in SHA256SUMS, each matching its SHA-256.</source>
        <translation>Le paquet est intact : {n} fichiers du paquet listés dans SHA256SUMS, chacun conforme à son SHA-256.</translation>
    </message>
    <message>
        <source>The packet does NOT verify.</source>
        <translation>La vérification du paquet a ÉCHOUÉ.</translation>
    </message>
    <message>
        <source>Time-stamped: its files existed at {time} (authority: {authority}{checked}).</source>
        <translation>Horodaté : ses fichiers existaient le {time} (autorité : {authority}{checked}).</translation>
    </message>
    <message>
        <source>, not checked against a CA certificate</source>
        <translation>, non vérifiée avec un certificat d&apos;AC</translation>
    </message>
    <message>
        <source>Packet verification</source>
        <translation>Vérification du paquet</translation>
    </message>
    <message>
        <source>{name} — read-only — annotator</source>
        <translation>{name} — lecture seule — annotator</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Show only the legs, tracks and photos that began by this time</source>
        <translation>N’afficher que les vols, traces et photos commencés à cette heure</translation>
    </message>
    <message>
        <source>all times</source>
        <translation>toutes dates</translation>
    </message>
    <message>
        <source>Follow timeline</source>
        <translation>Suivre la chronologie</translation>
    </message>
    <message>
        <source>Show only the legs, track parts and photos inside the time the timeline shows (Flights → Flights and timeline)</source>
        <translation>N’afficher que les vols, portions de trace et photos compris dans la période que montre la chronologie (Vols → Vols et chronologie)</translation>
    </message>
    <message>
        <source>One colour</source>
        <translation>Une couleur</translation>
    </message>
    <message>
        <source>By altitude</source>
        <translation>Par altitude</translation>
    </message>
    <message>
        <source>By flight</source>
        <translation>Par vol</translation>
    </message>
    <message>
        <source>How the flight tracks are coloured</source>
        <translation>Comment les traces des vols sont colorées</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show everything on the map</source>
        <translation>Tout afficher sur la carte</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Jusqu’au :</translation>
    </message>
    <message>
        <source>Tracks:</source>
        <translation>Traces :</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>du {0} au {1}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Sun: the capture time spans a day or more (any azimuth)</source>
        <translation>Soleil : l’heure de prise de vue couvre un jour ou plus (tout azimut possible)</translation>
    </message>
    <message>
        <source>Sun below the horizon all through the capture interval</source>
        <translation>Soleil sous l’horizon pendant tout l’intervalle de prise de vue</translation>
    </message>
    <message>
        <source>Sun: azimuth {0} to {1} over the capture interval</source>
        <translation>Soleil : azimut de {0} à {1} sur l’intervalle de prise de vue</translation>
    </message>
    <message>
        <source>Sun below the horizon (elevation {0})</source>
        <translation>Soleil sous l’horizon (hauteur {0})</translation>
    </message>
    <message>
        <source>Sun: azimuth {0}, elevation {1}</source>
        <translation>Soleil : azimut {0}, hauteur {1}</translation>
    </message>
</context>
<context>
    <name>MapWindow</name>
    <message>
        <source>Map — {name}</source>
        <translation>Carte — {name}</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
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
    <name>MonthsModel</name>
    <message>
        <source>Route</source>
        <translation>Route</translation>
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
        <source>Show all photos</source>
        <translation>Afficher toutes les photos</translation>
    </message>
    <message>
        <source>Show copies ({n})</source>
        <translation>Afficher les copies ({n})</translation>
    </message>
    <message>
        <source>Show copies</source>
        <translation>Afficher les copies</translation>
    </message>
    <message>
        <source>Go to the best copy</source>
        <translation>Aller à la meilleure copie</translation>
    </message>
    <message>
        <source>Copies of one picture: {n} photos. ★ marks the best copy available.</source>
        <translation>Copies d&apos;une même image : {n} photos. ★ marque la meilleure copie disponible.</translation>
    </message>
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
        <source>{0} camera clock</source>
        <translation>{0} horloge de l&apos;appareil</translation>
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
        <source>Content credentials (C2PA)</source>
        <translation>Identifiants de contenu (C2PA)</translation>
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
    <message>
        <source>Not read: the photo was imported before annotator read content credentials.</source>
        <translation>Non lus : la photo a été importée avant qu&apos;annotator ne lise les identifiants de contenu.</translation>
    </message>
    <message>
        <source>None in this file.</source>
        <translation>Aucun dans ce fichier.</translation>
    </message>
    <message>
        <source>an unnamed signer</source>
        <translation>un signataire sans nom</translation>
    </message>
    <message>
        <source>Trusted: signed by {signer}, whose certificate is on the C2PA trust list; the picture is the one that was signed.</source>
        <translation>Approuvés : signés par {signer}, dont le certificat figure sur la liste de confiance C2PA ; l&apos;image est celle qui a été signée.</translation>
    </message>
    <message>
        <source>Valid: signed by {signer} and the picture is the one that was signed, but the signer is not on the C2PA trust list.</source>
        <translation>Valides : signés par {signer} et l&apos;image est celle qui a été signée, mais le signataire ne figure pas sur la liste de confiance C2PA.</translation>
    </message>
    <message>
        <source>Invalid: the manifest store is damaged and cannot be read.</source>
        <translation>Invalides : le magasin de manifestes est endommagé et illisible.</translation>
    </message>
    <message>
        <source>Invalid: the credentials do not match the picture: the file was changed after it was signed, or the credentials were damaged.</source>
        <translation>Invalides : les identifiants ne correspondent pas à l&apos;image : le fichier a été modifié après sa signature, ou les identifiants ont été endommagés.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Signed (time stamp)</source>
        <translation>Signé (horodatage)</translation>
    </message>
    <message>
        <source>no time stamp</source>
        <translation>pas d&apos;horodatage</translation>
    </message>
    <message>
        <source>Claim generator</source>
        <translation>Générateur de la déclaration</translation>
    </message>
    <message>
        <source>(undated)</source>
        <translation>(non daté)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Retouche</translation>
    </message>
    <message>
        <source>Ingredient</source>
        <translation>Ingrédient</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>Liste de confiance</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Répertoire</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Fichier %1</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>This case is read-only: its folder {0} cannot be written (read-only disc, share or write-blocked drive). You can view, check and export it; editing is off.</source>
        <translation>Ce dossier est en lecture seule : son répertoire {0} n&apos;est pas accessible en écriture (disque, partage ou lecteur protégé en écriture). Vous pouvez le consulter, le vérifier et l&apos;exporter ; la modification est désactivée.</translation>
    </message>
    <message>
        <source>This case is read-only: it was opened read-only. You can view, check and export it; editing is off.</source>
        <translation>Ce dossier est en lecture seule : il a été ouvert en lecture seule. Vous pouvez le consulter, le vérifier et l&apos;exporter ; la modification est désactivée.</translation>
    </message>
</context>
<context>
    <name>RegistrationReader</name>
    <message>
        <source>Read registration</source>
        <translation>Lire l&apos;immatriculation</translation>
    </message>
    <message>
        <source>Read the text in the box (R on the canvas) and suggest registrations; nothing is filled in until you click one</source>
        <translation>Lire le texte du cadre (R sur l&apos;image) et proposer des immatriculations ; rien n&apos;est rempli tant que vous n&apos;en avez pas choisi une</translation>
    </message>
    <message>
        <source>Draw or select a box first.</source>
        <translation>Tracez ou sélectionnez d&apos;abord un cadre.</translation>
    </message>
    <message>
        <source>Reading the registration…</source>
        <translation>Lecture de l&apos;immatriculation…</translation>
    </message>
    <message>
        <source>No text was read in the box.</source>
        <translation>Aucun texte n&apos;a été lu dans le cadre.</translation>
    </message>
    <message>
        <source>No registration was read; what was read is listed below.</source>
        <translation>Aucune immatriculation n&apos;a été lue ; ce qui a été lu figure ci-dessous.</translation>
    </message>
    <message>
        <source>Click a reading to use it as the registration.</source>
        <translation>Cliquez sur une lecture pour en faire l&apos;immatriculation.</translation>
    </message>
    <message>
        <source>The registration could not be read: {0}</source>
        <translation>L&apos;immatriculation n&apos;a pas pu être lue : {0}</translation>
    </message>
    <message>
        <source>Registration set to {0} from the reading (Ctrl+Z undoes it).</source>
        <translation>Immatriculation {0} reprise de la lecture (Ctrl+Z l&apos;annule).</translation>
    </message>
</context>
<context>
    <name>RoutesModel</name>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Flights</source>
        <translation>Vols</translation>
    </message>
    <message>
        <source>First departure</source>
        <translation>Premier départ</translation>
    </message>
    <message>
        <source>Last arrival</source>
        <translation>Dernière arrivée</translation>
    </message>
    <message>
        <source>Flight ids</source>
        <translation>N° de vols</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <source>Legs per month</source>
        <translation>Vols par mois</translation>
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
    <name>ShadowCommands</name>
    <message>
        <source>Measure sun from shadow</source>
        <translation>Mesurer le soleil d&apos;après une ombre</translation>
    </message>
    <message>
        <source>Remove shadow measurement</source>
        <translation>Retirer la mesure d&apos;ombre</translation>
    </message>
</context>
<context>
    <name>ShadowDialog</name>
    <message>
        <source>Sun and shadows</source>
        <translation>Soleil et ombres</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>the photo&apos;s own (GPS, claim); or ICAO, lat,lon</source>
        <translation>celui de la photo (GPS, allégation) ; ou OACI, lat,lon</translation>
    </message>
    <message>
        <source>the capture&apos;s date; or 2023-10-27</source>
        <translation>la date de prise de vue ; ou 2023-10-27</translation>
    </message>
    <message>
        <source>Side 1→2 length</source>
        <translation>Longueur du côté 1→2</translation>
    </message>
    <message>
        <source>Side 2→3 length</source>
        <translation>Longueur du côté 2→3</translation>
    </message>
    <message>
        <source>Bearing of side 1→2 (true)</source>
        <translation>Orientation du côté 1→2 (vraie)</translation>
    </message>
    <message>
        <source>Object height</source>
        <translation>Hauteur de l&apos;objet</translation>
    </message>
    <message>
        <source>…or aircraft type</source>
        <translation>…ou type d&apos;aéronef</translation>
    </message>
    <message>
        <source>Marking precision</source>
        <translation>Précision du pointage</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Mark again</source>
        <translation>Pointer à nouveau</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesurer</translation>
    </message>
    <message>
        <source>Save on the photo</source>
        <translation>Enregistrer sur la photo</translation>
    </message>
    <message>
        <source>Remove the saved measurement</source>
        <translation>Retirer la mesure enregistrée</translation>
    </message>
    <message>
        <source>Select a photo to measure a shadow on it.</source>
        <translation>Sélectionnez une photo pour y mesurer une ombre.</translation>
    </message>
    <message>
        <source>Click ground corner 1 of a rectangle lying on the ground (side 1→2 is the one whose bearing you type).</source>
        <translation>Cliquez le coin 1 d&apos;un rectangle posé au sol (le côté 1→2 est celui dont vous saisissez l&apos;orientation).</translation>
    </message>
    <message>
        <source>Click ground corner 2.</source>
        <translation>Cliquez le coin 2.</translation>
    </message>
    <message>
        <source>Click ground corner 3.</source>
        <translation>Cliquez le coin 3.</translation>
    </message>
    <message>
        <source>Click ground corner 4.</source>
        <translation>Cliquez le coin 4.</translation>
    </message>
    <message>
        <source>Click the foot of the vertical object: the point on the ground straight below its top (below the fin tip for an aircraft).</source>
        <translation>Cliquez le pied de l&apos;objet vertical : le point du sol à l&apos;aplomb de son sommet (sous le haut de la dérive pour un aéronef).</translation>
    </message>
    <message>
        <source>Click the tip of its shadow.</source>
        <translation>Cliquez l&apos;extrémité de son ombre.</translation>
    </message>
    <message>
        <source>The measurement saved on this photo. Change a value and Measure, or Mark again to start over.</source>
        <translation>La mesure enregistrée sur cette photo. Modifiez une valeur et Mesurer, ou Pointer à nouveau pour recommencer.</translation>
    </message>
    <message>
        <source>All six points are marked: type the sizes, then Measure. Mark again to start over.</source>
        <translation>Les six points sont pointés : saisissez les dimensions, puis Mesurer. Pointer à nouveau pour recommencer.</translation>
    </message>
    <message>
        <source>shadow {0}°</source>
        <translation>ombre {0}°</translation>
    </message>
    <message>
        <source>Type the rectangle&apos;s two side lengths first.</source>
        <translation>Saisissez d&apos;abord les longueurs des deux côtés du rectangle.</translation>
    </message>
    <message>
        <source>Shadow: bearing {0}° true, {1} m on the ground</source>
        <translation>Ombre : orientation {0}° vraie, {1} m au sol</translation>
    </message>
    <message>
        <source>Sun: azimuth {0}° ± {1}°</source>
        <translation>Soleil : azimut {0}° ± {1}°</translation>
    </message>
    <message>
        <source>, elevation {0}° ± {1}°</source>
        <translation>, hauteur {0}° ± {1}°</translation>
    </message>
    <message>
        <source>, elevation unknown (no height)</source>
        <translation>, hauteur inconnue (pas de hauteur d&apos;objet)</translation>
    </message>
    <message>
        <source>At {0} on {1}, the sun stood there (UTC): {2}</source>
        <translation>À {0} le {1}, le soleil s&apos;y trouvait (UTC) : {2}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>consistent with the capture time</source>
        <translation>cohérent avec l&apos;heure de prise de vue</translation>
    </message>
    <message>
        <source>the capture time falls outside every window</source>
        <translation>l&apos;heure de prise de vue tombe hors de tous les créneaux</translation>
    </message>
    <message>
        <source>Capture {0}: sun {1}° away; {2}</source>
        <translation>Prise de vue {0} : soleil à {1}° ; {2}</translation>
    </message>
    <message>
        <source>Errors are 95 %, from the marking precision.</source>
        <translation>Les erreurs sont à 95 %, d&apos;après la précision du pointage.</translation>
    </message>
    <message>
        <source>Shadow measurement saved on the photo.</source>
        <translation>Mesure d&apos;ombre enregistrée sur la photo.</translation>
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
    <name>StampDialog</name>
    <message>
        <source>Time-stamp an evidence packet</source>
        <translation>Horodater un paquet de preuves</translation>
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
        <source>Ask an authority at</source>
        <translation>Demander à une autorité à l&apos;adresse</translation>
    </message>
    <message>
        <source>Use a reply file</source>
        <translation>Utiliser un fichier de réponse</translation>
    </message>
    <message>
        <source>reply.tsr</source>
        <translation>reponse.tsr</translation>
    </message>
    <message>
        <source>optional: the authority&apos;s CA certificate</source>
        <translation>facultatif : le certificat d&apos;AC de l&apos;autorité</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat d&apos;AC</translation>
    </message>
    <message>
        <source>The packet&apos;s request (SHA256SUMS.tsq) holds only the SHA-256 of SHA256SUMS: nothing of the evidence is sent. The reply is added as SHA256SUMS.tsr; no other file of the packet changes.</source>
        <translation>La requête du paquet (SHA256SUMS.tsq) ne contient que le SHA-256 de SHA256SUMS : rien des preuves n&apos;est envoyé. La réponse est ajoutée sous le nom SHA256SUMS.tsr ; aucun autre fichier du paquet ne change.</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Horodater</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Evidence packet</source>
        <translation>Paquet de preuves</translation>
    </message>
    <message>
        <source>Evidence packets (*.zip)</source>
        <translation>Paquets de preuves (*.zip)</translation>
    </message>
    <message>
        <source>Time-stamp reply</source>
        <translation>Réponse d&apos;horodatage</translation>
    </message>
    <message>
        <source>Time-stamp replies (*.tsr);;All files (*)</source>
        <translation>Réponses d&apos;horodatage (*.tsr);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Authority&apos;s CA certificate</source>
        <translation>Certificat d&apos;AC de l&apos;autorité</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer *.der);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the packet to stamp.</source>
        <translation>Choisissez le paquet à horodater.</translation>
    </message>
    <message>
        <source>Give the time-stamp authority&apos;s address.</source>
        <translation>Indiquez l&apos;adresse de l&apos;autorité d&apos;horodatage.</translation>
    </message>
    <message>
        <source>Choose the reply file.</source>
        <translation>Choisissez le fichier de réponse.</translation>
    </message>
    <message>
        <source>Stamping…</source>
        <translation>Horodatage…</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>une heure inconnue</translation>
    </message>
    <message>
        <source>Stamped: SHA256SUMS, hence every file of the packet, existed at {time} (authority: {authority}).</source>
        <translation>Horodaté : SHA256SUMS, donc chaque fichier du paquet, existait le {time} (autorité : {authority}).</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sans nom</translation>
    </message>
    <message>
        <source>The authority&apos;s certificate chains to the CA certificate given.</source>
        <translation>Le certificat de l&apos;autorité remonte au certificat d&apos;AC fourni.</translation>
    </message>
    <message>
        <source>The authority was not checked: give its CA certificate here or to Verify.</source>
        <translation>L&apos;autorité n&apos;a pas été vérifiée : fournissez son certificat d&apos;AC ici ou à Vérifier.</translation>
    </message>
    <message>
        <source>Not stamped: {0}</source>
        <translation>Non horodaté : {0}</translation>
    </message>
</context>
<context>
    <name>SunChart</name>
    <message>
        <source>Measure a shadow to see the sun&apos;s day.</source>
        <translation>Mesurez une ombre pour voir la journée du soleil.</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>elevation</source>
        <translation>hauteur</translation>
    </message>
    <message>
        <source>azimuth</source>
        <translation>azimut</translation>
    </message>
    <message>
        <source>green: when the sun stood where the shadow says</source>
        <translation>vert : quand le soleil se trouvait là où l&apos;ombre l&apos;indique</translation>
    </message>
    <message>
        <source>EXIF</source>
        <translation>EXIF</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>allégué</translation>
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
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Show the whole timeline (0)</source>
        <translation>Afficher toute la chronologie (0)</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom sur la &amp;sélection</translation>
    </message>
    <message>
        <source>Show the selected flight and the current photo (S)</source>
        <translation>Afficher le vol sélectionné et la photo courante (S)</translation>
    </message>
    <message>
        <source>No flights or dated photos yet.</source>
        <translation>Pas encore de vols ni de photos datées.</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… et {0} de plus</translation>
    </message>
    <message>
        <source>{0} photos</source>
        <translation>{0} photos</translation>
    </message>
    <message>
        <source>Unlinked photos</source>
        <translation>Photos non reliées</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>take-off</source>
        <translation>décollage</translation>
    </message>
    <message>
        <source>landing</source>
        <translation>atterrissage</translation>
    </message>
    <message>
        <source>{0} between {1} and {2}</source>
        <translation>{0} entre {1} et {2}</translation>
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
