import CIIRegistry

/// The registry's storage on SQLite (through GRDB), in a database file of its own. (Being written.)
public enum SQLiteRegistryStorePlaceholder {}
