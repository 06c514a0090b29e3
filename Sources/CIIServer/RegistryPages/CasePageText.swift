/// The words of the registry's case pages, in French and German (merged into ``PageText``).
enum CasePageText {
    static let entries: [String: (fr: String, de: String)] = [
        // Navigation
        "nav_cases": ("Mes cas", "Meine Fälle"),
        "nav_search": ("Recherche", "Suche"),
        "nav_new_case": ("Nouveau cas", "Neuer Fall"),
        // My cases and search
        "cases_title": ("Mes cas", "Meine Fälle"),
        "cases_intro_respondent": (
            "Les cas dont vous êtes le collaborateur annonceur ou un collaborateur impliqué.",
            "Die Fälle, die Sie gemeldet haben oder an denen Sie beteiligt sind."
        ),
        "cases_intro_coordinator": ("Les cas de votre région.", "Die Fälle Ihrer Region."),
        "cases_intro_bureau": ("Tous les cas ouverts.", "Alle offenen Fälle."),
        "cases_none": ("Aucun cas.", "Keine Fälle."),
        "search_title": ("Rechercher un cas", "Einen Fall suchen"),
        "search_intro": (
            "Indiquez une ou plusieurs informations, puis cliquez sur « Rechercher ».",
            "Geben Sie eine oder mehrere Angaben ein und klicken Sie auf «Suchen»."
        ),
        "search_submit": ("Rechercher", "Suchen"),
        "search_results": ("Résultats", "Ergebnisse"),
        "search_total": ("cas trouvés", "Fälle gefunden"),
        "search_avs_hint": (
            "Le n° AVS est envoyé par formulaire, jamais dans l'adresse de la page.",
            "Die AHV-Nummer wird per Formular gesendet, nie in der Adresse der Seite."
        ),
        "any": ("(tous)", "(alle)"),
        "page_previous": ("Page précédente", "Vorherige Seite"),
        "page_next": ("Page suivante", "Nächste Seite"),
        "page_of": ("Page", "Seite"),
        "col_case": ("Cas", "Fall"),
        "col_person": ("Personne", "Person"),
        "col_birth": ("Naissance", "Geburt"),
        "col_region": ("Région", "Region"),
        "col_dispositif": ("Dispositif annonceur", "Meldendes Dispositiv"),
        "col_announced": ("Annoncé le", "Gemeldet am"),
        "col_status": ("Statut", "Status"),
        "f_status": ("Statut", "Status"),
        "f_from": ("du", "vom"),
        "f_to": ("au", "bis"),
        "f_announced_from": ("Annoncé du", "Gemeldet vom"),
        "f_announced_to": ("Annoncé jusqu'au", "Gemeldet bis"),
        "f_opened_from": ("Ouvert du", "Eröffnet vom"),
        "f_opened_to": ("Ouvert jusqu'au", "Eröffnet bis"),
        "f_closed_from": ("Clôturé du", "Abgeschlossen vom"),
        "f_closed_to": ("Clôturé jusqu'au", "Abgeschlossen bis"),
        "f_sort": ("Trier par", "Sortieren nach"),
        "sort_name": ("Nom", "Name"),
        "sort_announced": ("Date d'annonce", "Meldedatum"),
        "sort_opened": ("Date d'ouverture", "Eröffnungsdatum"),
        "sort_closed": ("Date de clôture", "Abschlussdatum"),
        // The case page
        "case_title": ("Cas", "Fall"),
        "case_tabs": ("Onglets du cas", "Register des Falls"),
        "case_actions": ("Actions", "Aktionen"),
        "case_summary": ("Résumé imprimable", "Druckbare Zusammenfassung"),
        "case_cancel": ("Annuler le cas", "Fall stornieren"),
        "case_cancelled": ("Ce cas est annulé.", "Dieser Fall ist storniert."),
        "case_cancelled_reason": ("Motif :", "Grund:"),
        "case_status": ("Statut :", "Status:"),
        "known_elsewhere_title": ("Connu d'autres dispositifs", "Anderen Dispositiven bekannt"),
        "known_elsewhere_none": (
            "Aucun autre dispositif ne connaît cette personne dans la fenêtre de trois ans.",
            "Kein anderes Dispositiv kennt diese Person im Dreijahresfenster."
        ),
        "known_elsewhere_last": ("dernier suivi", "letzte Betreuung"),
        "tab_announcement": ("Dispositifs annonceurs", "Meldende Dispositive"),
        "tab_situation": ("Situation", "Situation"),
        "tab_collaborators": ("Collaborateurs", "Mitarbeitende"),
        "tab_documents": ("Documents", "Dokumente"),
        "tab_logbook": ("Journal de bord", "Journal"),
        "tab_medical-mandate": ("Mandat médical", "Ärztliches Mandat"),
        "tab_decision": ("Décision", "Entscheid"),
        "tab_services": ("Prestations", "Leistungen"),
        "tab_person": ("Personne", "Person"),
        "tab_gravity": ("Indice de gravité", "Schweregrad"),
        "tab_empty": ("Rien de saisi.", "Nichts erfasst."),
        "tab_read_only": ("Votre rôle peut lire cet onglet, pas le modifier.", "Ihre Rolle kann dieses Register lesen, nicht ändern."),
        "tab_saved": ("Enregistré.", "Gespeichert."),
        "save": ("Enregistrer", "Speichern"),
        "row": ("Ligne", "Zeile"),
        "row_new": ("Nouvelle ligne (laisser vide pour n'en ajouter aucune)", "Neue Zeile (leer lassen, um keine hinzuzufügen)"),
        "row_remove": ("Supprimer cette ligne", "Diese Zeile löschen"),
        "form_problems": (
            "Le formulaire n'a pas été enregistré : corrigez les champs signalés.",
            "Das Formular wurde nicht gespeichert: Korrigieren Sie die bezeichneten Felder."
        ),
        "stale": (
            "Quelqu'un a modifié ce cas depuis que vous l'avez ouvert. Rien n'a été enregistré ; vos saisies sont conservées ci-dessous. Vérifiez-les par rapport à la version actuelle (ouvrez l'onglet dans un autre onglet du navigateur), puis enregistrez à nouveau.",
            "Jemand hat diesen Fall geändert, seit Sie ihn geöffnet haben. Nichts wurde gespeichert; Ihre Eingaben bleiben unten erhalten. Vergleichen Sie sie mit der aktuellen Fassung (öffnen Sie das Register in einem anderen Browser-Tab) und speichern Sie erneut."
        ),
        "case_not_found": ("Aucun cas avec ce numéro.", "Kein Fall mit dieser Nummer."),
        "case_audit_unavailable": (
            "Le journal d'audit ne peut rien écrire : rien n'a été lu ni modifié. Réessayez plus tard.",
            "Das Audit-Protokoll kann nichts schreiben: Nichts wurde gelesen oder geändert. Versuchen Sie es später erneut."
        ),
        "date_hint": ("AAAA-MM-JJ ou JJ.MM.AAAA", "JJJJ-MM-TT oder TT.MM.JJJJ"),
        // Gravity
        "gravity_computed": ("Indice calculé", "Berechneter Index"),
        "gravity_effective": ("Indice retenu", "Geltender Index"),
        "gravity_weights": ("Version des pondérations", "Version der Gewichtung"),
        "gravity_reviewed": ("Revu par le Bureau CII", "Vom IIZ-Büro geprüft"),
        "gravity_confirm": ("Confirmer l'indice calculé", "Berechneten Index bestätigen"),
        "gravity_override": ("Fixer un autre indice (motif obligatoire)", "Anderen Index festlegen (Grund obligatorisch)"),
        "gravity_rescore": ("Recalculer avec les pondérations actuelles", "Mit der aktuellen Gewichtung neu berechnen"),
        // Fields
        "f_avs": ("N° AVS", "AHV-Nummer"),
        "f_surname": ("Nom", "Name"),
        "f_first_name": ("Prénom", "Vorname"),
        "f_birth_date": ("Date de naissance", "Geburtsdatum"),
        "f_sex": ("Sexe", "Geschlecht"),
        "f_language": ("Langue", "Sprache"),
        "f_education": ("Formation achevée", "Abgeschlossene Ausbildung"),
        "f_region": ("Région", "Region"),
        "f_requested_service": ("Type de prestation demandée", "Verlangte Leistung"),
        "f_announced_on": ("Date annonce cas", "Meldedatum des Falls"),
        "f_announced_to_bureau_on": ("Date annonce au bureau", "Meldedatum an das Büro"),
        "f_followed_since": ("Suivi depuis", "Betreut seit"),
        "f_age_group": ("Type de cas", "Falltyp"),
        "f_dispositif": ("Dispositif annonceur", "Meldendes Dispositiv"),
        "f_situation": ("Situation", "Situation"),
        "f_risk_factors": ("Grille de critères (facteurs de risque)", "Kriterienraster (Risikofaktoren)"),
        "f_announcing": ("Collaborateur annonceur", "Meldende Fachperson"),
        "f_function": ("Fonction CII", "IIZ-Funktion"),
        "f_collaborator": ("Collaborateur impliqué", "Beteiligte Fachperson"),
        "f_designation": ("Désignation", "Bezeichnung"),
        "f_code": ("Code du document", "Dokumentcode"),
        "f_poa_start": ("Procuration : début", "Vollmacht: Beginn"),
        "f_poa_duration": ("Procuration : durée", "Vollmacht: Dauer"),
        "f_poa_unit": ("Procuration : unité", "Vollmacht: Einheit"),
        "f_poa_expiry": ("Échéance", "Ablauf"),
        "f_file": ("Fichier", "Datei"),
        "f_size": ("Taille (octets)", "Grösse (Bytes)"),
        "f_date": ("Date", "Datum"),
        "f_event": ("Événement", "Ereignis"),
        "f_partner": ("Partenaire journal", "Journal-Partner"),
        "f_request_type": ("Type de demande au SMR", "Art der Anfrage an den RAD"),
        "f_cost": ("Coût (CHF)", "Kosten (CHF)"),
        "f_opened_on": ("Ouverture du cas", "Eröffnung des Falls"),
        "f_closed_on": ("Clôture du cas", "Abschluss des Falls"),
        "f_dispositif_in_charge": ("Dispositif en charge du suivi", "Für die Betreuung zuständiges Dispositiv"),
        "f_service": ("Prestation", "Leistung"),
        "f_start": ("Date de l'événement", "Datum des Ereignisses"),
        "f_end": ("Date de fin", "Enddatum"),
        "f_closing_status": ("Statut de clôture", "Abschlussstatus"),
        "f_gravity_action": ("Décision sur l'indice", "Entscheid zum Index"),
        "f_gravity_index": ("Indice (0 à 6,5)", "Index (0 bis 6,5)"),
        "f_override_reason": ("Motif de la modification", "Grund der Änderung"),
        "f_reason": ("Motif de l'annulation", "Grund der Stornierung"),
        "none_chosen": ("—", "—"),
        // New case
        "new_case_title": ("Nouveau cas", "Neuer Fall"),
        "new_case_intro": (
            "Saisissez les données de la personne et de l'annonce, puis enregistrez : le cas s'ouvre pour compléter ses onglets.",
            "Erfassen Sie die Angaben zur Person und zur Meldung und speichern Sie: Der Fall öffnet sich, um seine Register zu ergänzen."
        ),
        "new_case_person": ("Données personnelles", "Personalien"),
        "new_case_created": ("Le cas a été créé.", "Der Fall wurde erstellt."),
        // Documents
        "documents_upload": ("Déposer un document", "Ein Dokument hochladen"),
        "documents_upload_hint": (
            "PDF, PNG, JPEG, DOCX, XLSX, ODT ou texte ; au plus",
            "PDF, PNG, JPEG, DOCX, XLSX, ODT oder Text; höchstens"
        ),
        "documents_upload_submit": ("Déposer", "Hochladen"),
        "documents_download": ("Télécharger", "Herunterladen"),
        "documents_uploaded": ("Le document a été déposé.", "Das Dokument wurde hochgeladen."),
        "documents_unavailable": (
            "Le coffre des documents n'est pas configuré sur ce nœud : adressez-vous à l'administrateur.",
            "Der Dokumententresor ist auf diesem Knoten nicht eingerichtet: Wenden Sie sich an die Administration."
        ),
        "documents_file_missing": ("Choisissez un fichier.", "Wählen Sie eine Datei."),
        "documents_bad_form": (
            "Le formulaire de dépôt est illisible : rechargez la page et recommencez.",
            "Das Upload-Formular ist unlesbar: Laden Sie die Seite neu und versuchen Sie es erneut."
        ),
        // Cancellation
        "cancel_title": ("Annuler le cas", "Fall stornieren"),
        "cancel_intro": (
            "Un cas annulé quitte toutes les listes et recherches ; il reste conservé pour l'audit. Le Bureau CII est informé par e-mail. Indiquez le motif de l'annulation.",
            "Ein stornierter Fall verschwindet aus allen Listen und Suchen; er bleibt für das Audit erhalten. Das IIZ-Büro wird per E-Mail informiert. Geben Sie den Grund der Stornierung an."
        ),
        "cancel_confirm": ("Confirmer l'annulation", "Stornierung bestätigen"),
        "cancel_back": ("Ne pas annuler", "Nicht stornieren"),
        "cancel_done": ("Le cas a été annulé ; le Bureau CII est informé.", "Der Fall wurde storniert; das IIZ-Büro ist informiert."),
        // Summary
        "summary_title": ("Résumé du cas", "Zusammenfassung des Falls"),
        "summary_print": ("Imprimer : utilisez la commande d'impression du navigateur.", "Drucken: Verwenden Sie den Druckbefehl des Browsers."),
        "summary_printed": ("Imprimé le", "Gedruckt am"),
        "summary_back": ("Retour au cas", "Zurück zum Fall"),
    ]
}
