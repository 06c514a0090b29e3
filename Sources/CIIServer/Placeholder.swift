public enum CIIServerPlaceholder {}
