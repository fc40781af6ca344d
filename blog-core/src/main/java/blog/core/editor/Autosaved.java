package blog.core.editor;

/** The autosave as stored now (it replaced the user's earlier one for the same post or draft). */
public record Autosaved(Autosave autosave) implements AutosaveResult {}
