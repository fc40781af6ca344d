package blog.web;

import blog.core.change.ContentVersionRepository;
import blog.core.change.PolledContentVersion;
import blog.core.comment.CommentEditing;
import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.Transactions;
import blog.core.editor.AutosaveRepository;
import blog.core.editor.Autosaves;
import blog.core.editor.EditorPostRepository;
import blog.core.editor.OldPermalinks;
import blog.core.editor.PostEditor;
import blog.core.editor.PostHistory;
import blog.core.editor.PostListRepository;
import blog.core.editor.PostListing;
import blog.core.editor.PostTrash;
import blog.core.editor.RevisionRepository;
import blog.core.editor.SlugRedirectRepository;
import blog.core.federation.AvatarRepository;
import blog.core.federation.BlockRepository;
import blog.core.federation.CommentSharing;
import blog.core.federation.DeliveryRepository;
import blog.core.federation.FederatedCommentRepository;
import blog.core.federation.FederatedPostRepository;
import blog.core.federation.Federation;
import blog.core.federation.FederationSettings;
import blog.core.federation.FollowerRepository;
import blog.core.federation.KeyRepository;
import blog.core.federation.ReactionRepository;
import blog.core.federation.SentCommentRepository;
import blog.core.identity.IdentityRepository;
import blog.core.identity.Passwords;
import blog.core.identity.UserRepository;
import blog.core.login.Commenters;
import blog.core.login.EmailSignIn;
import blog.core.login.EmailSignInRepository;
import blog.core.login.FormDraftRepository;
import blog.core.login.LoginThrottleRepository;
import blog.core.login.PasskeyRepository;
import blog.core.login.Passkeys;
import blog.core.login.ProviderSwitches;
import blog.core.login.SessionRepository;
import blog.core.login.Sessions;
import blog.core.login.SignInRequestRepository;
import blog.core.login.StaffAccounts;
import blog.core.login.StaffLogin;
import blog.core.login.StaffThrottle;
import blog.core.mail.MailDispatcher;
import blog.core.mail.MailQueueRepository;
import blog.core.mail.MailSettings;
import blog.core.mail.RetryPolicy;
import blog.core.mail.SmtpMailer;
import blog.core.media.MediaRepository;
import blog.core.media.MediaStore;
import blog.core.moderation.ModerationQueue;
import blog.core.moderation.ModerationRepository;
import blog.core.moderation.QueueRepository;
import blog.core.notify.NewPostAnnouncer;
import blog.core.notify.NotificationMails;
import blog.core.notify.NotificationTokens;
import blog.core.notify.Notifications;
import blog.core.notify.SubscriptionLinks;
import blog.core.notify.SubscriptionRepository;
import blog.core.post.PostRepository;
import blog.core.privacy.PersonalData;
import blog.core.privacy.PersonalDataRepository;
import blog.core.privacy.PrivacyLinkRepository;
import blog.core.privacy.PrivacySettings;
import blog.core.reading.BlogReader;
import blog.core.security.PerThreadRandom;
import blog.core.security.Signer;
import blog.core.security.SiteSecret;
import blog.core.security.Tokens;
import blog.core.seed.SeedContent;
import blog.core.settings.SettingsEditor;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteMenu;
import blog.core.taxonomy.TermRepository;
import blog.core.text.MarkdownRenderer;
import blog.core.webmention.MentionRepository;
import blog.core.webmention.SentLinkRepository;
import blog.core.webmention.WebmentionSettings;
import blog.core.webmention.Webmentions;
import blog.core.wxr.WordPressLinks;
import blog.core.wxr.WxrExporter;
import blog.core.wxr.WxrImportRepository;
import blog.core.wxr.WxrImporter;
import blog.web.admin.posts.EditorServices;
import blog.web.cache.PageCacheSettings;
import blog.web.jobs.BackgroundJobs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The domain half of the composition root: repositories and services over one database, plus the
 * background work they need (mail sending, maintenance, noticing content changes made by other
 * instances). Built once per app, by hand.
 */
record Services(
    Database database,
    Transactions transactions,
    Clock clock,
    SecureRandom random,
    Signer signer,
    BlogReader reader,
    CommentService comments,
    CommentEditing commentEditing,
    SubscriptionLinks subscriptionLinks,
    Commenters commenters,
    boolean mailEnabled,
    BackgroundJobs jobs,
    SignInRequestRepository signInRequests,
    FormDraftRepository formDrafts,
    Sessions sessions,
    UserRepository users,
    StaffLogin staffLogin,
    StaffAccounts staffAccounts,
    ModerationQueue moderation,
    SettingsEditor settingsEditor,
    SiteMenu siteMenu,
    EditorServices editing,
    ProviderSwitches providerSwitches,
    PolledContentVersion contentVersion,
    PostRepository posts,
    WxrImporter wxrImporter,
    WxrExporter wxrExporter,
    WordPressLinks wordPressLinks,
    Federation federation,
    Webmentions webmentions,
    EmailSignIn emailSignIn,
    PersonalData personalData,
    PasskeyRepository passkeyRepository,
    Passkeys passkeys) {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Services.class);

  /** Builds the services over a migrated database and seeds it if it is empty. */
  static Services create(Database database, Config config, String baseUrl, Clock clock) {
    var jdbi = database.jdbi();
    var transactions = new Transactions(jdbi);
    var posts = new PostRepository(jdbi);
    var terms = new TermRepository(jdbi);
    var comments = new CommentRepository(jdbi);
    var users = new UserRepository(jdbi);
    // Polls from here on; the app closes it. Caches key on it to stay coherent across instances
    // (see ContentVersion).
    var contentVersion =
        PolledContentVersion.start(
            new ContentVersionRepository(jdbi), PolledContentVersion.DEFAULT_INTERVAL);
    // Settings are kept per listing version: the polled one, or in exact mode (something other
    // than the blog writes to the database) the database's own at every read.
    var settings =
        new SettingsRepository(
            jdbi,
            PageCacheSettings.EXACT.read(config)
                ? () -> contentVersion.readAll().listing()
                : contentVersion::currentListing);
    var identities = new IdentityRepository(jdbi);
    var commentRenderer = new CommentRenderer();
    new SeedContent(
            transactions, users, posts, comments, settings, new MarkdownRenderer(), commentRenderer)
        .seedIfEmpty(clock.instant());

    var random = new PerThreadRandom();
    var passwords = new Passwords();
    var sessions = new Sessions(new SessionRepository(jdbi), new Tokens(random), clock);
    var signInRequests = new SignInRequestRepository(jdbi);
    var formDrafts = new FormDraftRepository(jdbi);
    var emailLinks = new EmailSignInRepository(jdbi);
    var privacyLinks = new PrivacyLinkRepository(jdbi);
    // The mail log's retention: the queue keeps sent and failed mails for this many days.
    int mailLogDays = MailSettings.LOG_DAYS.read(config);
    var mailLog = new MailQueueRepository(jdbi);
    // The delivery queues' retention (the fediverse's and Webmention's), whether or not they are
    // on.
    int deliveredDays = FederationSettings.DELIVERED_DAYS.read(config);
    var finishedQueues =
        java.util.List.of(
            new DeliveryRepository(jdbi),
            new DeliveryRepository(jdbi, Webmentions.CHECKS),
            new DeliveryRepository(jdbi, Webmentions.DELIVERIES));
    Runnable housekeeping =
        () -> {
          sessions.removeExpired();
          signInRequests.deleteExpired(clock.instant());
          formDrafts.deleteExpired(clock.instant());
          emailLinks.deleteExpired(clock.instant());
          privacyLinks.deleteExpired(clock.instant());
          if (mailLogDays > 0) {
            mailLog.deleteFinishedBefore(clock.instant().minus(Duration.ofDays(mailLogDays)));
          }
          if (deliveredDays > 0) {
            Instant cutoff = clock.instant().minus(Duration.ofDays(deliveredDays));
            finishedQueues.forEach(q -> q.deleteDeliveredBefore(cutoff));
          }
        };
    var signer = SiteSecret.signer(settings, random);
    var siteMenu = new SiteMenu(settings, posts, clock);
    var mail = MailSettings.from(config);
    var mailQueue = new MailQueueRepository(jdbi);
    var subscriptions = new SubscriptionRepository(jdbi);
    var tokens = new NotificationTokens(signer);
    var mails = new NotificationMails(baseUrl, tokens);
    MailDispatcher dispatcher =
        mail.enabled()
            ? new MailDispatcher(
                mailQueue,
                new SmtpMailer(mail, clock),
                RetryPolicy.from(mail),
                clock,
                MailDispatcher.newWorkerId())
            : null;
    CommentNotifications notifications =
        dispatcher == null
            ? CommentNotifications.NONE
            : new Notifications(
                mailQueue, subscriptions, users, settings, mails, clock, dispatcher::wake);
    NewPostAnnouncer announcer =
        dispatcher == null
            ? null
            : new NewPostAnnouncer(
                settings, posts, subscriptions, mailQueue, mails, transactions, clock);

    var federationSettings = FederationSettings.from(config, baseUrl);
    var sentComments = new SentCommentRepository(jdbi);
    var loginThrottle = new LoginThrottleRepository(jdbi);
    var passkeyRepository = new PasskeyRepository(jdbi);
    // "Log in with email" needs the mail queue: off when mail is.
    EmailSignIn emailSignIn =
        dispatcher == null
            ? null
            : new EmailSignIn(
                emailLinks,
                loginThrottle,
                mailQueue,
                transactions,
                settings,
                new Tokens(random),
                baseUrl,
                clock,
                dispatcher::wake);
    var personalData =
        new PersonalData(
            new PersonalDataRepository(jdbi),
            privacyLinks,
            loginThrottle,
            dispatcher == null ? null : mailQueue,
            settings,
            new Tokens(random),
            baseUrl,
            clock,
            dispatcher == null ? null : dispatcher::wake,
            PrivacySettings.keepErasedComments(config));
    var commentService =
        new CommentService(
            posts,
            comments,
            settings,
            commentRenderer,
            CommentService.standardChecks(comments),
            transactions,
            // A writer's "do not share with the fediverse" is stored with the comment.
            federationSettings.enabled()
                ? new CommentSharing(notifications, sentComments)
                : notifications);
    var commentEditing = new CommentEditing(comments, settings, commentRenderer);
    // The delivery job exists once the jobs do; the inbox wakes it through this.
    var jobsHolder = new java.util.concurrent.atomic.AtomicReference<BackgroundJobs>();
    Federation federation =
        federationSettings.enabled()
            ? Federation.create(
                federationSettings,
                baseUrl,
                new Federation.Stores(
                    new KeyRepository(jdbi),
                    new FollowerRepository(jdbi),
                    new BlockRepository(jdbi),
                    new DeliveryRepository(jdbi),
                    new AvatarRepository(jdbi),
                    new FederatedPostRepository(jdbi),
                    new FederatedCommentRepository(jdbi),
                    new ReactionRepository(jdbi),
                    sentComments),
                new Federation.Shared(
                    transactions,
                    settings,
                    posts,
                    terms,
                    comments,
                    commentService,
                    commentEditing,
                    identities,
                    random,
                    clock),
                RetryPolicy.exponential(Federation.MAX_ATTEMPTS),
                () -> {
                  BackgroundJobs jobs = jobsHolder.get();
                  if (jobs != null) {
                    jobs.wakeFederation();
                  }
                })
            : null;
    var importer = DataTools.importer(database, clock);
    Webmentions webmentions =
        WebmentionSettings.from(config).enabled()
            ? Webmentions.create(
                WebmentionSettings.from(config),
                baseUrl,
                new Webmentions.Stores(
                    new MentionRepository(jdbi),
                    new SentLinkRepository(jdbi),
                    new DeliveryRepository(jdbi, Webmentions.CHECKS),
                    new DeliveryRepository(jdbi, Webmentions.DELIVERIES),
                    new AvatarRepository(jdbi),
                    new BlockRepository(jdbi)),
                new Webmentions.Shared(
                    transactions,
                    settings,
                    posts,
                    comments,
                    commentService,
                    commentEditing,
                    identities,
                    clock),
                () -> {
                  BackgroundJobs jobs = jobsHolder.get();
                  if (jobs != null) {
                    jobs.wakeWebmentions();
                  }
                })
            : null;
    var jobs =
        new BackgroundJobs(
            dispatcher,
            announcer,
            federation,
            webmentions,
            comments,
            settings,
            clock,
            housekeeping,
            () -> {
              int undone = importer.undoUnfinished(WxrImporter.ABANDONED_AFTER);
              if (undone > 0) {
                LOG.warn("Took back {} WordPress import(s) whose process stopped", undone);
              }
            });
    jobsHolder.set(jobs);

    return new Services(
        database,
        transactions,
        clock,
        random,
        signer,
        new BlogReader(posts, terms, comments, users, identities, settings, clock),
        commentService,
        commentEditing,
        new SubscriptionLinks(tokens, subscriptions, users, posts, settings, clock),
        new Commenters(identities, sessions, clock),
        mail.enabled(),
        jobs,
        signInRequests,
        formDrafts,
        sessions,
        users,
        new StaffLogin(users, passwords, loginThrottle, clock),
        new StaffAccounts(users, passwords, settings, signer, clock),
        new ModerationQueue(
            new QueueRepository(jdbi),
            new ModerationRepository(jdbi),
            comments,
            posts,
            settings,
            commentRenderer,
            transactions,
            notifications,
            clock),
        new SettingsEditor(
            settings,
            siteMenu::pages,
            path ->
                new MediaStore(new MediaRepository(jdbi), settings, clock).find(path).isPresent()),
        siteMenu,
        editing(database, transactions, posts, terms, users, settings, clock),
        new ProviderSwitches(settings),
        contentVersion,
        posts,
        importer,
        DataTools.exporter(database, clock),
        new WordPressLinks(new WxrImportRepository(jdbi), posts, clock),
        federation,
        webmentions,
        emailSignIn,
        personalData,
        passkeyRepository,
        new Passkeys(
            passkeyRepository,
            users,
            new StaffThrottle(loginThrottle, clock),
            random,
            baseUrl,
            clock));
  }

  private static EditorServices editing(
      Database database,
      Transactions transactions,
      PostRepository posts,
      TermRepository terms,
      UserRepository users,
      SettingsRepository settings,
      Clock clock) {
    var jdbi = database.jdbi();
    var editorPosts = new EditorPostRepository(jdbi);
    var revisions = new RevisionRepository(jdbi);
    var redirects = new SlugRedirectRepository(jdbi);
    var autosaves = new AutosaveRepository(jdbi);
    var renderer = new MarkdownRenderer();
    return new EditorServices(
        new PostEditor(
            editorPosts,
            posts,
            terms,
            revisions,
            redirects,
            autosaves,
            users,
            renderer,
            transactions,
            clock),
        new PostTrash(editorPosts, posts, transactions, clock),
        new PostHistory(posts, revisions),
        new Autosaves(autosaves, posts, clock),
        new PostListing(new PostListRepository(jdbi), terms, clock),
        new OldPermalinks(redirects, posts, clock),
        new MediaStore(new MediaRepository(jdbi), settings, clock),
        renderer);
  }
}
