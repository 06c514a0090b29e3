extension PageText {
    /// The words of the SwissID login (the button on the login page and every refusal).
    static let swissIDEntries: [String: (fr: String, de: String)] = [
        "swissid_intro": (
            "Coordinateurs et répondants CII externes au réseau de l'Etat du Valais : connectez-vous avec votre SwissID (identité vérifiée).",
            "IIZ-Koordinatorinnen und -Ansprechpersonen ausserhalb des Netzes des Staates Wallis: Melden Sie sich mit Ihrer SwissID (verifizierte Identität) an."
        ),
        "swissid_button": ("Se connecter avec SwissID", "Mit SwissID anmelden"),
        "swissid_done_title": ("Connexion réussie", "Anmeldung erfolgreich"),
        "swissid_continue": ("Continuer", "Weiter"),
        "swissid_unlinked_title": ("SwissID non reliée", "SwissID nicht verknüpft"),
        "swissid_unlinked": (
            "Votre SwissID est valide, mais elle n'est reliée à aucun compte du registre. Demandez au bureau CII de vous envoyer une invitation ou de relier votre SwissID à votre compte.",
            "Ihre SwissID ist gültig, aber mit keinem Konto des Registers verknüpft. Bitten Sie das IIZ-Büro, Ihnen eine Einladung zu senden oder Ihre SwissID mit Ihrem Konto zu verknüpfen."
        ),
        "swissid_refused_title": ("Connexion SwissID refusée", "SwissID-Anmeldung abgelehnt"),
        "swissid_refused": (
            "La réponse de SwissID n'a pas pu être acceptée (identité non vérifiée, réponse expirée ou invalide). Recommencez ; si le problème persiste, vérifiez votre identité dans SwissID ou contactez le bureau CII.",
            "Die Antwort von SwissID konnte nicht akzeptiert werden (Identität nicht verifiziert, Antwort abgelaufen oder ungültig). Versuchen Sie es erneut; besteht das Problem weiter, verifizieren Sie Ihre Identität in SwissID oder wenden Sie sich an das IIZ-Büro."
        ),
        "swissid_expired_title": ("Connexion expirée", "Anmeldung abgelaufen"),
        "swissid_expired": (
            "Cette connexion SwissID a expiré ou a déjà été utilisée. Recommencez depuis la page de connexion.",
            "Diese SwissID-Anmeldung ist abgelaufen oder wurde bereits verwendet. Beginnen Sie erneut auf der Anmeldeseite."
        ),
        "swissid_cancelled_title": ("Connexion interrompue", "Anmeldung abgebrochen"),
        "swissid_cancelled": (
            "La connexion SwissID a été interrompue ou refusée par SwissID. Recommencez depuis la page de connexion.",
            "Die SwissID-Anmeldung wurde abgebrochen oder von SwissID abgelehnt. Beginnen Sie erneut auf der Anmeldeseite."
        ),
        "swissid_unavailable_title": ("SwissID indisponible", "SwissID nicht erreichbar"),
        "swissid_unavailable": (
            "SwissID ne répond pas pour le moment. Réessayez dans quelques minutes.",
            "SwissID antwortet im Moment nicht. Versuchen Sie es in einigen Minuten erneut."
        ),
        "swissid_invitation_invalid_title": ("Invitation non valable", "Einladung ungültig"),
        "swissid_invitation_invalid": (
            "Ce lien d'invitation est inconnu, a déjà été utilisé ou a expiré. Demandez une nouvelle invitation au bureau CII.",
            "Dieser Einladungslink ist unbekannt, wurde bereits verwendet oder ist abgelaufen. Bitten Sie das IIZ-Büro um eine neue Einladung."
        ),
        "swissid_already_linked_title": ("SwissID déjà reliée", "SwissID bereits verknüpft"),
        "swissid_already_linked": (
            "Cette SwissID est déjà reliée à un autre compte, ou ce compte à une autre SwissID. Contactez le bureau CII.",
            "Diese SwissID ist bereits mit einem anderen Konto verknüpft oder dieses Konto mit einer anderen SwissID. Wenden Sie sich an das IIZ-Büro."
        ),
        "swissid_disabled_title": ("Compte désactivé", "Konto deaktiviert"),
        "swissid_disabled": (
            "Le compte relié à cette SwissID est désactivé. Contactez le bureau CII.",
            "Das mit dieser SwissID verknüpfte Konto ist deaktiviert. Wenden Sie sich an das IIZ-Büro."
        ),
        "swissid_account_expired_title": ("Compte expiré", "Konto abgelaufen"),
        "swissid_account_expired": (
            "Le compte relié à cette SwissID n'a pas été utilisé depuis plusieurs mois et a été désactivé. Demandez à l'administrateur de le renouveler.",
            "Das mit dieser SwissID verknüpfte Konto wurde seit Monaten nicht benutzt und deaktiviert. Bitten Sie die Administration, es zu erneuern."
        ),
    ]
}
