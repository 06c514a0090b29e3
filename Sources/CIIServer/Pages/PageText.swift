import CIICore

/// The words of the caseworkers' pages, in French and German, by key (templates use `{{t.key}}`).
enum PageText {
    /// The texts of `language` (German for `.de`, French otherwise).
    static func texts(_ language: Language) -> [String: String] { language == .de ? de : fr }

    static let fr: [String: String] = entries.merging(swissIDEntries) { first, _ in first }.mapValues(\.fr)
    static let de: [String: String] = entries.merging(swissIDEntries) { first, _ in first }.mapValues(\.de)

    /// Every page's words: the caseworkers' pages', the case pages' (``CasePageText``) and the
    /// bureau's pages' (``BureauPageText``).
    static let entries: [String: (fr: String, de: String)] = caseworkerEntries.merging(CasePageText.entries) { own, _ in own }
        .merging(BureauPageText.entries) { own, _ in own }

    /// The texts of the pages every node serves.
    static let caseworkerEntries: [String: (fr: String, de: String)] = [
        "app": ("Système d'alerte CII", "IIZ-Alarmsystem"),
        "switch_language": ("Deutsch", "Français"),
        "switch_language_title": ("Auf Deutsch wechseln", "Passer en français"),
        "nav_check": ("Vérifier", "Prüfen"),
        "nav_alerts": ("Alertes", "Meldungen"),
        "nav_admin": ("Administration", "Verwaltung"),
        "nav_account": ("Mon compte", "Mein Konto"),
        "logout": ("Se déconnecter", "Abmelden"),
        "footer": (
            "Seules des empreintes des n° AVS quittent ce nœud ; chaque connexion et chaque vérification sont journalisées.",
            "Nur Fingerabdrücke der AHV-Nummern verlassen diesen Knoten; jede Anmeldung und jede Prüfung wird protokolliert."
        ),
        // Login
        "login_title": ("Connexion", "Anmeldung"),
        "login_intro": (
            "Réservé aux collaborateurs « terrain » des dispositifs de la CII Valais qui suivent une personne.",
            "Nur für die Frontmitarbeitenden der Dispositive der IIZ Wallis, die eine Person betreuen."
        ),
        "email": ("Adresse e-mail", "E-Mail-Adresse"),
        "password": ("Mot de passe", "Passwort"),
        "login_submit": ("Continuer", "Weiter"),
        "code_title": ("Code de vérification", "Bestätigungscode"),
        "code_sent": ("Un code à 6 chiffres a été envoyé à", "Ein 6-stelliger Code wurde gesendet an"),
        "code_valid": ("Il est valable 10 minutes et une seule fois.", "Er ist 10 Minuten lang und nur einmal gültig."),
        "code_totp": (
            "Saisissez le code à 6 chiffres affiché par votre application d'authentification.",
            "Geben Sie den 6-stelligen Code Ihrer Authentifizierungs-App ein."
        ),
        "code": ("Code", "Code"),
        "code_submit": ("Se connecter", "Anmelden"),
        "code_resend": ("Envoyer un nouveau code", "Neuen Code senden"),
        "code_restart": ("Recommencer", "Neu beginnen"),
        "logged_out": ("Vous êtes déconnecté.", "Sie sind abgemeldet."),
        "session_ended": (
            "Votre session a pris fin. Connectez-vous à nouveau.",
            "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an."
        ),
        // Password
        "password_title": ("Changer le mot de passe", "Passwort ändern"),
        "password_forced": (
            "Le mot de passe reçu ne sert qu'une fois : choisissez maintenant votre propre mot de passe.",
            "Das erhaltene Passwort gilt nur einmal: Wählen Sie jetzt Ihr eigenes Passwort."
        ),
        "password_rules": (
            "Au moins 12 caractères ; une phrase facile à retenir convient bien. Ni votre nom ni votre adresse e-mail.",
            "Mindestens 12 Zeichen; ein leicht zu merkender Satz eignet sich gut. Weder Ihr Name noch Ihre E-Mail-Adresse."
        ),
        "password_current": ("Mot de passe actuel", "Aktuelles Passwort"),
        "password_new": ("Nouveau mot de passe", "Neues Passwort"),
        "password_confirm": ("Confirmer le nouveau mot de passe", "Neues Passwort bestätigen"),
        "password_submit": ("Enregistrer", "Speichern"),
        "password_changed": ("Votre mot de passe a été changé.", "Ihr Passwort wurde geändert."),
        "password_wrong_current": ("Le mot de passe actuel est incorrect.", "Das aktuelle Passwort ist falsch."),
        // Check
        "check_title": ("Vérifier une personne", "Eine Person prüfen"),
        "check_intro": (
            "Saisissez le n° AVS de la personne que vous suivez : le système indique si un autre dispositif l'a suivie au cours des trois dernières années.",
            "Geben Sie die AHV-Nummer der Person ein, die Sie betreuen: Das System zeigt, ob ein anderes Dispositiv sie in den letzten drei Jahren betreut hat."
        ),
        "avs": ("N° AVS", "AHV-Nummer"),
        "avs_hint": ("13 chiffres, par ex. 756.1234.5678.97", "13 Ziffern, z. B. 756.1234.5678.97"),
        "check_submit": ("Vérifier", "Prüfen"),
        "known_title": ("Connue d'un autre dispositif", "Einem anderen Dispositiv bekannt"),
        "known_intro": ("Cette personne est connue :", "Diese Person ist bekannt:"),
        "last_followup": ("dernier suivi", "letzte Betreuung"),
        "contact": ("Répondant·e CII :", "IIZ-Ansprechperson:"),
        "no_contact": ("Aucun·e répondant·e CII de ce dispositif dans l'annuaire.", "Keine IIZ-Ansprechperson dieses Dispositivs im Verzeichnis."),
        "unknown_title": ("Pas connue d'un autre dispositif", "Keinem anderen Dispositiv bekannt"),
        "unknown_text": (
            "Cette personne n'est pas connue d'un autre dispositif au cours des trois dernières années.",
            "Diese Person ist in den letzten drei Jahren keinem anderen Dispositiv bekannt."
        ),
        "followed_here": (
            "Votre dispositif la suit également (selon sa dernière importation).",
            "Ihr Dispositiv betreut sie ebenfalls (gemäss seinem letzten Import)."
        ),
        "window": ("Période examinée :", "Geprüfter Zeitraum:"),
        "window_from": ("du", "vom"),
        "window_to": ("au", "bis"),
        "years": ("ans", "Jahre"),
        "checks_left": ("Vérifications restantes aujourd'hui :", "Verbleibende Prüfungen heute:"),
        "next_title": ("Et maintenant ?", "Wie weiter?"),
        "next_grid": (
            "Évaluez la situation avec la grille des critères CII (indicateurs de risques) pour un diagnostic précoce et une prise en charge adéquate.",
            "Beurteilen Sie die Situation mit dem Kriterienraster der IIZ (Risikoindikatoren) für eine frühzeitige Diagnose und eine geeignete Betreuung."
        ),
        "next_attorney": (
            "Avant tout échange de documents, assurez-vous que la personne a signé la procuration CII ; sans elle, aucune information ne peut être transmise.",
            "Vor jedem Austausch von Unterlagen muss die Person die IIZ-Vollmacht unterzeichnet haben; ohne sie dürfen keine Informationen weitergegeben werden."
        ),
        "next_contact": (
            "Prenez ensuite contact avec le ou les dispositifs indiqués ; le bureau CII vous aide à trouver l'interlocuteur et, si la situation est complexe, à l'annoncer en CII.",
            "Nehmen Sie danach mit dem oder den genannten Dispositiven Kontakt auf; das IIZ-Büro hilft Ihnen, die Ansprechperson zu finden und eine komplexe Situation bei der IIZ anzumelden."
        ),
        "next_unknown": (
            "Si la situation vous paraît complexe malgré tout, évaluez-la avec la grille des critères CII et parlez-en au bureau CII.",
            "Erscheint Ihnen die Situation trotzdem komplex, beurteilen Sie sie mit dem Kriterienraster der IIZ und sprechen Sie mit dem IIZ-Büro."
        ),
        "limit_title": ("Limite atteinte", "Grenze erreicht"),
        // Alerts
        "alerts_title": ("Alertes de chevauchement", "Überschneidungsmeldungen"),
        "alerts_intro": (
            "Un autre dispositif a commencé le suivi d'une personne que votre dispositif suit.",
            "Ein anderes Dispositiv hat die Betreuung einer Person begonnen, die Ihr Dispositiv betreut."
        ),
        "alerts_none": ("Aucune alerte pour vous.", "Keine Meldungen für Sie."),
        "alert_recorded": ("Reçue le", "Eingegangen am"),
        "alert_dispositif": ("Dispositif", "Dispositiv"),
        "alert_their_last": ("Son dernier suivi", "Dessen letzte Betreuung"),
        "alert_reference": ("Votre dossier", "Ihr Dossier"),
        "alert_caseworker": ("Collaborateur", "Mitarbeitende"),
        "alert_state": ("État", "Status"),
        "alert_new": ("nouvelle", "neu"),
        "alert_read": ("lue", "gelesen"),
        "alert_mark_read": ("Marquer comme lue", "Als gelesen markieren"),
        "existing_title": ("Suivis communs déjà connus au premier échange", "Bereits beim ersten Abgleich bekannte gemeinsame Begleitungen"),
        "existing_intro": (
            "Ces personnes étaient déjà suivies par l'autre dispositif lors du premier échange avec lui : ce ne sont pas des alertes.",
            "Diese Personen wurden beim ersten Abgleich mit dem anderen Dispositiv bereits von ihm begleitet: Das sind keine Meldungen."
        ),
        "existing_recorded": ("Connu depuis le", "Bekannt seit"),
        // Account
        "account_title": ("Mon compte", "Mein Konto"),
        "language": ("Langue", "Sprache"),
        "language_fr": ("Français", "Französisch"),
        "language_de": ("Allemand", "Deutsch"),
        "save": ("Enregistrer", "Speichern"),
        "second_factor": ("Deuxième facteur", "Zweiter Faktor"),
        "factor_email": ("Code par e-mail à chaque connexion.", "Code per E-Mail bei jeder Anmeldung."),
        "factor_totp": ("Application d'authentification (TOTP).", "Authentifizierungs-App (TOTP)."),
        "totp_start": ("Utiliser une application d'authentification", "Eine Authentifizierungs-App verwenden"),
        "totp_remove": ("Revenir aux codes par e-mail", "Zurück zu Codes per E-Mail"),
        "totp_title": ("Application d'authentification", "Authentifizierungs-App"),
        "totp_instructions": (
            "Scannez ce code QR avec votre application (par ex. FreeOTP, Microsoft ou Google Authenticator), ou saisissez-y la clé, puis entrez le code qu'elle affiche.",
            "Scannen Sie diesen QR-Code mit Ihrer App (z. B. FreeOTP, Microsoft oder Google Authenticator) oder geben Sie dort den Schlüssel ein, und tragen Sie dann den angezeigten Code ein."
        ),
        "totp_qr": ("Code QR de la clé de l'application d'authentification", "QR-Code des Schlüssels für die Authentifizierungs-App"),
        "totp_key": ("Clé :", "Schlüssel:"),
        "totp_confirm": ("Confirmer", "Bestätigen"),
        "totp_enrolled": ("L'application d'authentification est enregistrée.", "Die Authentifizierungs-App ist eingerichtet."),
        "totp_removed": ("Les codes arriveront de nouveau par e-mail.", "Die Codes kommen wieder per E-Mail."),
        "totp_wrong": (
            "Le code ne correspond pas ; vérifiez l'heure du téléphone et saisissez le code actuel.",
            "Der Code stimmt nicht; prüfen Sie die Uhrzeit des Telefons und geben Sie den aktuellen Code ein."
        ),
        "digest": ("Résumé quotidien par e-mail du nombre de nouvelles alertes", "Tägliche E-Mail mit der Anzahl neuer Meldungen"),
        "settings_saved": ("Vos réglages sont enregistrés.", "Ihre Einstellungen sind gespeichert."),
        "change_password": ("Changer le mot de passe", "Passwort ändern"),
        // Admin
        "admin_title": ("Comptes et jetons", "Konten und Token"),
        "accounts": ("Comptes", "Konten"),
        "name": ("Nom", "Name"),
        "role": ("Rôle", "Rolle"),
        "role_caseworker": ("collaborateur", "Mitarbeitende"),
        "role_admin": ("administrateur", "Administration"),
        "role_respondent": ("répondant CII", "IIZ-Ansprechperson"),
        "role_coordinator": ("coordinateur régional", "regionale Koordination"),
        "role_bureau": ("bureau CII", "IIZ-Büro"),
        "region": ("Région", "Region"),
        "region_none": ("— (coordinateurs régionaux seulement)", "— (nur regionale Koordination)"),
        "caseworker_id": ("Identifiant dans les exports", "Kennung in den Exporten"),
        "status": ("État", "Status"),
        "active": ("actif", "aktiv"),
        "disabled": ("désactivé", "deaktiviert"),
        "last_used": ("Dernière utilisation", "Zuletzt benutzt"),
        "actions": ("Actions", "Aktionen"),
        "disable": ("Désactiver", "Deaktivieren"),
        "renew": ("Renouveler", "Erneuern"),
        "reset": ("Nouveau mot de passe", "Neues Passwort"),
        "reset_totp": ("et oublier l'application", "und App entfernen"),
        "add_account": ("Nouveau compte", "Neues Konto"),
        "create": ("Créer", "Erstellen"),
        "one_time_password": (
            "Mot de passe à usage unique (affiché une seule fois, à transmettre à la personne) :",
            "Einmalpasswort (nur einmal angezeigt, der Person weitergeben):"
        ),
        "tokens": ("Jetons d'API", "API-Token"),
        "tokens_intro": (
            "Pour les applications qui vérifient par l'API (Authorization: Bearer …), limitées aux vérifications.",
            "Für Anwendungen, die über die API prüfen (Authorization: Bearer …), auf Prüfungen beschränkt."
        ),
        "token_name": ("Nom de l'application", "Name der Anwendung"),
        "token_created": ("Jeton (affiché une seule fois) :", "Token (nur einmal angezeigt):"),
        "revoke": ("Révoquer", "Widerrufen"),
        "revoked": ("révoqué", "widerrufen"),
        "created": ("Créé", "Erstellt"),
        "done": ("C'est fait.", "Erledigt."),
        // Errors
        "error_title": ("Erreur", "Fehler"),
        "forbidden": (
            "Votre rôle ne donne pas accès à cette page ; adressez-vous au Bureau CII si vous en avez besoin.",
            "Ihre Rolle gibt keinen Zugang zu dieser Seite; wenden Sie sich an das IIZ-Büro, wenn Sie ihn brauchen."
        ),
        "csrf": (
            "Le formulaire a expiré ou ne vient pas de cette page. Rechargez la page et recommencez.",
            "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Laden Sie die Seite neu und versuchen Sie es erneut."
        ),
        "not_found": ("Cette page n'existe pas.", "Diese Seite gibt es nicht."),
        "unavailable": (
            "Le service est momentanément indisponible ; l'administrateur a été informé.",
            "Der Dienst ist vorübergehend nicht verfügbar; die Administration wurde informiert."
        ),
        "audit_unavailable": (
            "La vérification n'a pas été faite : le journal d'audit ne peut pas être écrit pour l'instant, et aucune vérification n'a lieu sans y être inscrite. L'administrateur en est averti ; réessayez plus tard.",
            "Die Prüfung wurde nicht durchgeführt: Das Audit-Protokoll kann im Moment nicht geschrieben werden, und keine Prüfung erfolgt, ohne darin festgehalten zu werden. Die Administration ist informiert; versuchen Sie es später erneut."
        ),
        "invalid_field": ("Une saisie n'est pas valable :", "Eine Eingabe ist ungültig:"),
    ]
}
