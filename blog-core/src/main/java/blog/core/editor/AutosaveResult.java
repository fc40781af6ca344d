package blog.core.editor;

/** An autosave was stored ({@link Autosaved}) or refused ({@link Invalid}). */
public sealed interface AutosaveResult permits Autosaved, Invalid {}
