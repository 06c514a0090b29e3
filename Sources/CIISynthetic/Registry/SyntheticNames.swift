/// First names and surnames of the synthetic registry, French-speaking and Upper Valais ones.
enum SyntheticNames {
    static let frenchSurnames = [
        "Bonvin", "Rey", "Fournier", "Favre", "Carron", "Crettenand", "Michellod", "Pralong", "Theytaz", "Zufferey",
        "Salamin", "Délèze", "Gaillard", "Mayor", "Moret", "Bender", "Vouillamoz", "Roduit", "Produit", "Clavien",
    ]
    static let germanSurnames = [
        "Imboden", "Zenhäusern", "Andenmatten", "Bregy", "Kalbermatten", "Jossen", "Schmid", "Ruppen", "Summermatter",
        "Zurbriggen", "Imstepf", "Volken",
    ]
    static let frenchMen = ["Jean", "Luc", "Nicolas", "Olivier", "Stéphane", "Yves", "Mathieu", "Sébastien", "Joël", "Didier"]
    static let frenchWomen = ["Anne", "Chantal", "Sophie", "Nathalie", "Mélanie", "Valérie", "Joëlle", "Sandra", "Aline", "Célia"]
    static let germanMen = ["Peter", "Urs", "Stefan", "Beat", "Marco", "Reto", "Jürg", "Thomas"]
    static let germanWomen = ["Ursula", "Monika", "Andrea", "Petra", "Franziska", "Jasmin", "Sabine", "Käthi"]

    /// A first name and a surname.
    static func pick(_ random: inout SplitMix64, german: Bool, male: Bool? = nil) -> (String, String) {
        let isMale = male ?? (random.next() % 2 == 0)
        let firsts = german ? (isMale ? germanMen : germanWomen) : (isMale ? frenchMen : frenchWomen)
        let lasts = german ? germanSurnames : frenchSurnames
        return (firsts[Int(random.next() % UInt64(firsts.count))], lasts[Int(random.next() % UInt64(lasts.count))])
    }

    /// A name for an e-mail address: lower case, ASCII letters.
    static func mailName(_ name: String) -> String {
        let plain: [Character: String] = ["é": "e", "è": "e", "ë": "e", "ô": "o", "ä": "ae", "ö": "oe", "ü": "ue", "ï": "i"]
        return name.lowercased().map { plain[$0] ?? String($0) }.joined().filter { $0.isLetter && $0.isASCII }
    }
}
