package blog.core.editor;

/**
 * What became of a save in the editor: {@link Saved}, refused with field errors ({@link Invalid}),
 * or not written because someone saved the post since the editor loaded it ({@link EditConflict}).
 * Forbidden and missing posts are exceptions ({@link ForbiddenException}, {@link
 * blog.core.NotFoundException}), as the form cannot be fixed by its user.
 */
public sealed interface SaveResult permits Saved, Invalid, EditConflict {}
