public enum CIIImportPlaceholder {}
