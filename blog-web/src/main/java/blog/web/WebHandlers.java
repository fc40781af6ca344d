package blog.web;

import blog.core.change.SeenVersions;
import blog.core.comment.ThreadKey;
import blog.core.config.Config;
import blog.core.federation.SiteActor;
import blog.core.login.LoginProviders;
import blog.core.mail.MailSettings;
import blog.core.post.Listing;
import blog.core.post.ListingKey;
import blog.core.reading.KeptReads;
import blog.core.reading.KeyedPages;
import blog.core.reading.PageStarts;
import blog.core.reading.ThreadStarts;
import blog.core.security.Tokens;
import blog.core.webmention.Webmentions;
import blog.migrations.Migrations;
import blog.web.admin.AdminAccess;
import blog.web.admin.AdminHandlers;
import blog.web.admin.PasskeyLogin;
import blog.web.admin.StaffSession;
import blog.web.admin.account.AccountHandlers;
import blog.web.admin.account.StaffList;
import blog.web.admin.moderation.Moderation;
import blog.web.admin.posts.PostAdmin;
import blog.web.admin.privacy.PrivacyAdmin;
import blog.web.admin.wordpress.WordPressHandlers;
import blog.web.archive.ArchiveHandlers;
import blog.web.auth.AuthHandlers;
import blog.web.auth.CommenterSession;
import blog.web.auth.DemoProvider;
import blog.web.auth.DemoSignIn;
import blog.web.auth.EmailSignInHandlers;
import blog.web.auth.FormDrafts;
import blog.web.auth.LoginsPage;
import blog.web.auth.ProviderButton;
import blog.web.auth.ProviderMenu;
import blog.web.auth.SignInFlow;
import blog.web.cache.FastHits;
import blog.web.cache.PageCache;
import blog.web.cache.PageCacheSettings;
import blog.web.error.ErrorPages;
import blog.web.federation.FederationAdmin;
import blog.web.federation.FederationHandlers;
import blog.web.http.DurableAnswers;
import blog.web.http.SecurityHeaders;
import blog.web.ops.HealthHandler;
import blog.web.ops.Metrics;
import blog.web.ops.RequestTracking;
import blog.web.post.CommentHandlers;
import blog.web.post.FormTokens;
import blog.web.post.OwnComments;
import blog.web.post.PostHandlers;
import blog.web.post.PostReactions;
import blog.web.post.PostViews;
import blog.web.post.RememberedCommenter;
import blog.web.post.ReplyFormParts;
import blog.web.post.WordPressLinkRedirects;
import blog.web.privacy.MyCommentsHandlers;
import blog.web.privacy.PrivacyPage;
import blog.web.security.ClientAddress;
import blog.web.security.Cookies;
import blog.web.security.Csrf;
import blog.web.site.AbsoluteUrls;
import blog.web.site.KeptFragments;
import blog.web.site.Pages;
import blog.web.site.PebbleRenderer;
import blog.web.site.Permalinks;
import blog.web.site.SiteStylesheet;
import blog.web.site.StaticAssets;
import blog.web.subscription.SubscriptionHandlers;
import blog.web.theme.ThemeFolder;
import blog.web.webmention.WebmentionAdmin;
import blog.web.webmention.WebmentionHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The web half of the composition root: every handler, built over the services; and the demo
 * sign-in provider when one runs ({@code demo}, null otherwise), which the app stops on close.
 */
record WebHandlers(
    RequestTracking tracking,
    SecurityHeaders headers,
    DurableAnswers durable,
    Csrf csrf,
    StaticAssets assets,
    SiteStylesheet siteStylesheet,
    HealthHandler health,
    PostHandlers posts,
    ArchiveHandlers archives,
    CommentHandlers comments,
    SubscriptionHandlers subscriptions,
    AuthHandlers auth,
    SignInFlow signIn,
    DemoProvider demo,
    DemoSignIn demoSignIn,
    AdminAccess adminAccess,
    AdminHandlers admin,
    PostAdmin postAdmin,
    ErrorPages errors,
    Moderation moderation,
    Discovery discovery,
    PageCache pageCache,
    FastHits fastHits,
    WordPressHandlers wordpress,
    WordPressLinkRedirects wordPressLinks,
    FederationHandlers federation,
    FederationAdmin federationAdmin,
    WebmentionHandlers webmention,
    WebmentionAdmin webmentionAdmin,
    EmailSignInHandlers emailSignIn,
    LoginsPage logins,
    MyCommentsHandlers myComments,
    PrivacyPage privacy,
    PrivacyAdmin privacyAdmin,
    PasskeyLogin passkeyLogin,
    AccountHandlers account,
    StaffList staffList) {

  /** The software's version, as NodeInfo tells it. */
  static final String VERSION = "0.1.0";

  static WebHandlers create(
      Services services, ServerSettings server, Config config, Metrics metrics) {
    boolean https = server.baseUrl().startsWith("https:");
    var assetNames =
        new ArrayList<>(
            List.of(
                "css/blog.css",
                "js/comments.js",
                "css/admin.css",
                "css/editor.css",
                "js/editor.js",
                "js/import.js",
                "js/passkeys.js",
                "favicon.svg",
                "favicon.ico",
                "fonts/source-serif-4-latin-wght-normal.woff2",
                "fonts/source-serif-4-latin-wght-italic.woff2",
                "fonts/source-serif-4-latin-ext-wght-normal.woff2",
                "fonts/source-serif-4-latin-ext-wght-italic.woff2",
                "fonts/inter-latin-wght-normal.woff2",
                "fonts/inter-latin-ext-wght-normal.woff2"));
    assetNames.addAll(ProviderButton.icons());
    var theme = ThemeFolder.from(config, services.clock());
    var assets = new StaticAssets(assetNames, theme);
    var cookies = new Cookies(https);
    var csrf =
        new Csrf(
            services.signer(),
            cookies,
            server.baseUrl(),
            services.random(),
            // The inbox takes signed requests from other servers, never a browser's form; nor
            // does the Webmention endpoint, which other sites post to.
            Set.of(
                SubscriptionHandlers.CONFIRM,
                SubscriptionHandlers.UNSUBSCRIBE,
                SiteActor.INBOX_PATH,
                Webmentions.ENDPOINT_PATH));
    var formTokens = new FormTokens(services.signer(), services.random());
    // The versions every kept page and memo is keyed by (see docs/architecture.md).
    var versions =
        new SeenVersions(
            services.contentVersion(),
            PageCacheSettings.EXACT.read(config),
            services.posts()::nextPublicationAfter,
            services.clock());
    var memos = versions.memos();
    var pageCache =
        new PageCache(
            PageCacheSettings.MAX_BYTES.read(config),
            versions,
            services.posts()::nextPublicationAfter,
            csrf,
            formTokens,
            services.clock(),
            theme::version);
    var staffSession = new StaffSession(services.sessions(), services.users(), cookies);
    var pebble = PebbleRenderer.fromEnvironment(theme, assets::url);
    var pages =
        new Pages(
            pebble,
            services.reader(),
            // The sidebar sums up the blog's posts and terms, not its comments: computed once per
            // listing version.
            memos.perListingVersion(() -> Pages.sidebarOf(services.reader())),
            assets,
            new AbsoluteUrls(server.baseUrl()),
            ctx -> staffSession.user(ctx).isPresent(),
            // The menu names pages by their titles and addresses: looked up once per listing
            // version (a settings change raises it too).
            memos.perListingVersion(services.siteMenu()::links),
            services.webmentions() == null ? "" : services.webmentions().endpoint());
    LoginProviders configured = LoginProviders.from(config);
    DemoProvider.Decision demoDecision = DemoProvider.decide(config, configured, server.baseUrl());
    demoDecision.log();
    DemoProvider demo = demoDecision.on() ? DemoProvider.reserve() : null;
    LoginProviders providers = demo == null ? configured : demo.addTo(configured);
    var drafts =
        new FormDrafts(
            services.formDrafts(), csrf, new Tokens(services.random()), services.clock());
    var commenterSession = new CommenterSession(services.commenters(), cookies);
    var switches = services.providerSwitches();
    var menu = new ProviderMenu(providers, switches, assets::url);
    var parts =
        new ReplyFormParts(
            formTokens,
            csrf,
            new OwnComments(services.signer(), cookies),
            new RememberedCommenter(cookies),
            commenterSession,
            menu,
            drafts,
            services.mailEnabled(),
            staffSession,
            services.federation());
    var views = new PostViews();
    var clientAddress = new ClientAddress(trustedProxies(config));
    var auth = new AuthHandlers(services.reader(), commenterSession, drafts, pages);
    var logins =
        new LoginsPage(commenterSession, menu, csrf, pages, services.emailSignIn() != null);
    var admin =
        new AdminHandlers(
            services.staffLogin(),
            services.staffAccounts(),
            staffSession,
            pages,
            csrf,
            clientAddress,
            user -> services.moderation().counts(user, null).pending(),
            auth);
    // Where the pages of each listing start: kept per listing version, read as far as asked.
    Function<Listing, AtomicReference<KeyedPages<ListingKey>>> keptStarts =
        memos.perListingVersionEach(listing -> new AtomicReference<>());
    PageStarts starts =
        (listing, page) ->
            keptStarts
                .apply(listing)
                .updateAndGet(known -> services.reader().listingPages(listing, known, page));
    // Where the comment pages of each post start: kept per version of the post's comments.
    Function<ThreadOrder, AtomicReference<KeyedPages<ThreadKey>>> keptThreads =
        memos.perPostVersionEach(order -> new AtomicReference<>(), ThreadOrder::postId);
    ThreadStarts threadStarts =
        (postId, newestFirst, page) ->
            keptThreads
                .apply(new ThreadOrder(postId, newestFirst))
                .updateAndGet(
                    known -> services.reader().threadPages(postId, newestFirst, known, page));
    var posts =
        new PostHandlers(
            services.reader(),
            services.comments(),
            pages,
            views,
            parts,
            services.clock(),
            services.editing().oldPermalinks(),
            threadStarts,
            services.webmentions() == null
                ? PostReactions.NONE
                : postId -> {
                  var counts = services.webmentions().mentions().counts(postId);
                  return new PostReactions.Counts(counts.likes(), counts.reposts());
                },
            new KeptFragments(
                PageCacheSettings.FRAGMENT_BYTES.read(config), pebble::render, theme::version),
            // What the post pages and the home page read for readers with nothing of their own on
            // them: per version of what they show.
            new KeptReads(services.reader(), memos, starts));
    DataSource dataSource = services.database().dataSource();
    var tracking = new RequestTracking(clientAddress, metrics);
    DemoSignIn demoSignIn =
        demo == null
            ? null
            : new DemoSignIn(
                demo, pages, csrf, SignInFlow.callbackUri(server.baseUrl(), DemoProvider.ID));
    return new WebHandlers(
        tracking,
        new SecurityHeaders(https),
        new DurableAnswers(services.database().stored(), services.database()::requireRoomToWrite),
        csrf,
        assets,
        new SiteStylesheet(services.reader()::look),
        new HealthHandler(services.database(), () -> Migrations.upToDate(dataSource)),
        posts,
        new ArchiveHandlers(services.reader(), pages, views, starts),
        new CommentHandlers(
            services.comments(),
            services.transactions(),
            services.commentEditing(),
            services.reader(),
            posts,
            parts,
            clientAddress,
            services.clock(),
            metrics),
        new SubscriptionHandlers(services.subscriptionLinks(), pages),
        auth,
        new SignInFlow(
            providers,
            services.signInRequests(),
            auth,
            commenterSession,
            drafts,
            csrf,
            server.baseUrl(),
            services.clock(),
            demoSignIn,
            switches,
            logins),
        demo,
        demoSignIn,
        new AdminAccess(staffSession),
        admin,
        PostAdmin.create(
            services.editing(),
            admin,
            staffSession,
            services.reader(),
            assets,
            services.random(),
            services.clock(),
            // Counting every post per view, or finding where its pages start, is a pass over
            // them all: once per listing version.
            memos),
        new ErrorPages(pages, theme.present() ? theme.root().toString() : ""),
        Moderation.create(
            services.moderation(),
            services.settingsEditor(),
            services.reader(),
            admin,
            staffSession,
            new Tokens(services.random()),
            switches,
            menu),
        Discovery.create(services, server, pages, posts, views, memos),
        pageCache,
        new FastHits(pageCache, csrf, clientAddress, tracking),
        new WordPressHandlers(
            services.wxrImporter(),
            services.wxrExporter(),
            admin,
            staffSession,
            server.baseUrl(),
            services.clock(),
            assets.url("js/import.js")),
        new WordPressLinkRedirects(services.wordPressLinks(), services.reader()),
        services.federation() == null
            ? null
            : new FederationHandlers(services.federation(), services.reader(), VERSION),
        new FederationAdmin(services.federation(), admin, services.clock()),
        services.webmentions() == null ? null : new WebmentionHandlers(services.webmentions()),
        new WebmentionAdmin(services.webmentions(), admin, services.clock()),
        services.emailSignIn() == null
            ? null
            : new EmailSignInHandlers(
                services.emailSignIn(), auth, commenterSession, csrf, clientAddress, pages, logins),
        logins,
        new MyCommentsHandlers(
            services.personalData(),
            services.commentEditing(),
            commenterSession,
            csrf,
            clientAddress,
            pages,
            postId ->
                services
                    .reader()
                    .visiblePost(postId)
                    .map(post -> Permalinks.post(post, services.reader().site().timeZone())),
            services.clock(),
            services.mailEnabled()),
        new PrivacyPage(
            services.personalData(),
            menu,
            services.mailEnabled(),
            services.federation() != null,
            MailSettings.LOG_DAYS.read(config),
            pages),
        new PrivacyAdmin(services.personalData(), admin, staffSession),
        new PasskeyLogin(services.passkeys(), admin, csrf, clientAddress),
        new AccountHandlers(
            services.passkeys(),
            services.passkeyRepository(),
            services.staffAccounts(),
            services.users(),
            admin,
            staffSession,
            csrf,
            () -> services.reader().site().title()),
        new StaffList(
            services.users(),
            services.passkeyRepository(),
            services.staffAccounts(),
            admin,
            staffSession));
  }

  private static Set<String> trustedProxies(Config config) {
    return Arrays.stream(ServerSettings.TRUSTED_PROXIES.read(config).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A post's comment threads in one order: what their page starts are kept for. */
  private record ThreadOrder(long postId, boolean newestFirst) {}
}
