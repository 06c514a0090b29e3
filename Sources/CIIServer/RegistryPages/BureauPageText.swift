/// The words of the bureau's and admin's registry pages, in French and German, merged into
/// ``PageText/entries`` (templates use `{{t.key}}`).
enum BureauPageText {
    static let entries: [String: (fr: String, de: String)] = [
        // Menu
        "nav_directory": ("Annuaire", "Verzeichnis"),
        "nav_code_lists": ("Listes de codes", "Codelisten"),
        "nav_users": ("Utilisateurs", "Benutzer"),
        "nav_poa": ("Procurations", "Vollmachten"),
        "nav_trainings": ("Formations", "Schulungen"),
        "nav_report": ("Rapport annuel", "Jahresbericht"),
        // Shared
        "choose": ("— choisir —", "— auswählen —"),
        "edit": ("Modifier", "Ändern"),
        "back_to_list": ("← Retour à la liste", "← Zurück zur Liste"),
        "yes": ("oui", "ja"),
        "show": ("Afficher", "Anzeigen"),
        "year": ("Année", "Jahr"),
        "dispositif": ("Dispositif", "Dispositiv"),
        "cii_function": ("Fonction CII", "IIZ-Funktion"),
        "phone": ("Téléphone", "Telefon"),
        // Directory
        "directory_title": ("Annuaire des collaborateurs", "Verzeichnis der Mitarbeitenden"),
        "directory_intro": (
            "Les personnes des dispositifs qui travaillent avec la CII. Les répondants CII y figurent avec leurs coordonnées, que les nœuds des dispositifs montrent après une vérification.",
            "Die Personen der Dispositive, die mit der IIZ arbeiten. Die IIZ-Ansprechpersonen stehen mit ihren Kontaktdaten darin, welche die Knoten der Dispositive nach einer Prüfung zeigen."
        ),
        "directory_none": ("L'annuaire est vide.", "Das Verzeichnis ist leer."),
        "directory_add": ("Nouvelle entrée", "Neuer Eintrag"),
        "directory_edit_title": ("Modifier une entrée de l'annuaire", "Verzeichniseintrag ändern"),
        "directory_not_found": (
            "Cette entrée n'existe pas dans l'annuaire (rechargez la liste).",
            "Diesen Eintrag gibt es im Verzeichnis nicht (laden Sie die Liste neu)."
        ),
        // Code lists
        "code_lists_title": ("Codification des documents", "Codierung der Dokumente"),
        "code_lists_intro": (
            "Les codes que les documents des dossiers reçoivent. Un code de procuration demande une date de début et une durée.",
            "Die Codes, welche die Dokumente der Fälle erhalten. Ein Vollmachtscode verlangt ein Anfangsdatum und eine Dauer."
        ),
        "code_lists_none": ("Aucun code pour l'instant.", "Noch keine Codes."),
        "code_list_code": ("Code", "Code"),
        "code_list_code_hint": (
            "1 à 20 majuscules, chiffres ou tirets, par ex. PROC ou RAP-MED.",
            "1 bis 20 Grossbuchstaben, Ziffern oder Bindestriche, z. B. PROC oder RAP-MED."
        ),
        "code_list_label_fr": ("Libellé en français", "Bezeichnung auf Französisch"),
        "code_list_label_de": ("Libellé en allemand", "Bezeichnung auf Deutsch"),
        "code_list_attorney": ("Les documents de ce code sont des procurations", "Dokumente mit diesem Code sind Vollmachten"),
        "code_list_attorney_short": ("Procuration", "Vollmacht"),
        "code_list_add": ("Nouveau code", "Neuer Code"),
        "code_list_edit_title": ("Modifier un code", "Code ändern"),
        "code_not_found": ("Ce code n'existe pas (rechargez la liste).", "Diesen Code gibt es nicht (laden Sie die Liste neu)."),
        // Trainings
        "trainings_title": ("Formations et journées régionales", "Schulungen und Regionaltage"),
        "trainings_intro": (
            "Ce que le bureau a tenu, avec le nombre de participants : le rapport annuel les compte par partie du canton.",
            "Was das Büro durchgeführt hat, mit der Zahl der Teilnehmenden: Der Jahresbericht zählt sie nach Kantonsteil."
        ),
        "trainings_none": ("Rien d'enregistré pour cette année.", "Für dieses Jahr ist nichts erfasst."),
        "trainings_total": ("Participants :", "Teilnehmende:"),
        "trainings_french_part": ("partie francophone", "französischsprachiger Teil"),
        "trainings_upper_valais": ("Haut-Valais", "Oberwallis"),
        "training_add": ("Enregistrer une formation ou une journée", "Schulung oder Regionaltag erfassen"),
        "training_edit_title": ("Corriger une formation ou une journée", "Schulung oder Regionaltag korrigieren"),
        "training_kind": ("Type", "Art"),
        "training_name": ("Titre", "Titel"),
        "training_date": ("Date", "Datum"),
        "training_participants": ("Participants", "Teilnehmende"),
        "training_not_found": (
            "Cette formation n'existe pas pour l'année demandée (rechargez la liste).",
            "Diese Schulung gibt es im verlangten Jahr nicht (laden Sie die Liste neu)."
        ),
        // Powers of attorney
        "poa_title": ("Procurations échues ou bientôt échues", "Abgelaufene oder bald ablaufende Vollmachten"),
        "poa_intro": (
            "Les dossiers ouverts dont la dernière procuration est échue ou échoit dans le nombre de jours choisi, au",
            "Die offenen Fälle, deren letzte Vollmacht abgelaufen ist oder in der gewählten Anzahl Tage abläuft, am"
        ),
        "poa_within": ("Échéance dans les (jours)", "Ablauf innert (Tage)"),
        "poa_none": ("Aucune procuration à renouveler.", "Keine Vollmacht zu erneuern."),
        "poa_case": ("Dossier", "Fall"),
        "poa_person": ("Personne", "Person"),
        "poa_document": ("Document", "Dokument"),
        "poa_expiry": ("Échéance", "Ablauf"),
        "poa_expired": ("échue", "abgelaufen"),
        "poa_expires_soon": ("échoit bientôt", "läuft bald ab"),
        // Users
        "users_title": ("Utilisateurs du registre", "Benutzer des Registers"),
        "users_intro": (
            "Les comptes des répondants CII et des coordinateurs régionaux : créer, désactiver, renouveler.",
            "Die Konten der IIZ-Ansprechpersonen und der regionalen Koordination: erstellen, deaktivieren, erneuern."
        ),
        "users_admin_hint": (
            "Nouveau mot de passe et jetons d'API : page Administration.",
            "Neues Passwort und API-Token: Seite Verwaltung."
        ),
        "users_collaborator": ("Entrée de l'annuaire", "Verzeichniseintrag"),
        "users_no_collaborator": ("— aucune —", "— keiner —"),
        "users_not_yours": (
            "Ce compte est géré par l'administrateur.",
            "Dieses Konto wird von der Administration verwaltet."
        ),
    ]
}
