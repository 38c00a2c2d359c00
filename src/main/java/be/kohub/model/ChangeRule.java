package be.kohub.model;

/**
 * Why a change between two versions of the shapes is breaking or not: the rules of
 * docs/versioning.md, one constant each, with the sentence the changes page shows.
 */
public enum ChangeRule {
    SHAPE_FOR_NEW_THINGS("added", false,
            "Nieuwe vorm voor iets wat de vorige versie niet kende (geen bestaande klasse als doel).",
            "New shape for something the previous version did not know (no existing class as target)."),
    SHAPE_FOR_KNOWN_THINGS("added", true,
            "Nieuwe vorm voor een klasse die de vorige versie al kende: documenten die voldeden, kunnen nu afgekeurd worden.",
            "New shape for a class the previous version already knew: documents that conformed may now be rejected."),
    SHAPE_REMOVED("removed", true,
            "Vorm verwijderd: wie documenten leest, kan niet meer rekenen op wat ze beloofde.",
            "Shape removed: readers can no longer rely on what it promised."),
    OPTIONAL_PROPERTY_ADDED("added", false,
            "Nieuwe optionele eigenschap: documenten van de vorige versie voldoen nog; lezers negeren wat ze niet kennen.",
            "New optional property: documents of the previous version still conform; readers ignore what they do not know."),
    REQUIRED_PROPERTY_ADDED("added", true,
            "Nieuwe verplichte (of verboden) eigenschap: documenten van de vorige versie voldoen niet meer.",
            "New required (or forbidden) property: documents of the previous version no longer conform."),
    PROPERTY_REMOVED("removed", true,
            "Eigenschap verwijderd: lezers kunnen er niet meer op rekenen.",
            "Property removed: readers can no longer rely on it."),
    FORBIDDEN_PROPERTY_REMOVED("removed", false,
            "Een verboden eigenschap is niet meer verboden: alles wat voldeed, voldoet nog.",
            "A forbidden property is no longer forbidden: everything that conformed still does."),
    TIGHTENED("tightened", true,
            "Strenger: een document dat aan de vorige versie voldeed, kan nu afgekeurd worden.",
            "Tightened: a document that conformed to the previous version may now be rejected."),
    LOOSENED("loosened", false,
            "Soepeler: alles wat voldeed, voldoet nog; lezers aanvaarden een ruimer bereik van waarden.",
            "Loosened: everything that conformed still does; readers accept a wider range of values."),
    NOW_OPTIONAL("loosened", true,
            "Niet meer verplicht: lezers kunnen er niet meer op rekenen dat de eigenschap er is.",
            "No longer required: readers can no longer rely on the property being there."),
    NOW_MULTIPLE("loosened", true,
            "Meer dan één waarde mogelijk: lezers die één waarde verwachten, krijgen een lijst.",
            "More than one value possible: readers that expect one value get a list."),
    GUARANTEE_REMOVED("loosened", true,
            "Beperking op het soort waarde weggenomen (datatype, klasse, vorm, codelijst of doel): lezers kunnen er niet meer op rekenen.",
            "Constraint on the kind of value removed (datatype, class, shape, code list or target): readers can no longer rely on it."),
    CHANGED("changed", true,
            "Gewijzigd: niet na te gaan dat alles wat voldeed nog voldoet.",
            "Changed: it cannot be shown that everything that conformed still does."),
    CODE_ADDED("added", false,
            "Code toegevoegd aan de codelijst: lezers moeten onbekende codes aankunnen.",
            "Code added to the code list: readers must cope with codes they do not know."),
    CODE_REMOVED("removed", true,
            "Code verwijderd uit de codelijst: documenten met die code voldoen niet meer.",
            "Code removed from the code list: documents with that code no longer conform."),
    WORDING("wording", false,
            "Alleen tekst (boodschap, naam of beschrijving): de regels zijn dezelfde.",
            "Wording only (message, name or description): the rules are the same.");

    /** added, removed, tightened, loosened, changed or wording. */
    public final String kind;
    public final boolean breaking;
    public final String reasonNl;
    public final String reasonEn;

    ChangeRule(String kind, boolean breaking, String reasonNl, String reasonEn) {
        this.kind = kind;
        this.breaking = breaking;
        this.reasonNl = reasonNl;
        this.reasonEn = reasonEn;
    }
}
