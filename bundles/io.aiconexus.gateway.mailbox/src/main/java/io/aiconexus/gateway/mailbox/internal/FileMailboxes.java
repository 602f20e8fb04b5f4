package io.aiconexus.gateway.mailbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.mailbox.MailboxExpiry;
import io.aiconexus.gateway.mailbox.Mailboxes;
import io.aiconexus.gateway.mailbox.StoredFrame;

/** Mailboxes kept in memory and mirrored to append-only files, reloaded at start. */
@Component(configurationPid = FileMailboxes.PID)
@Designate(ocd = MailboxConfig.class)
public class FileMailboxes implements Mailboxes {
    static final String PID = "io.aiconexus.gateway.mailbox";
    private static final Logger LOG = LoggerFactory.getLogger(FileMailboxes.class);

    private final ConcurrentHashMap<String, Mailbox> open = new ConcurrentHashMap<>();
    private final List<MailboxExpiry> expiryListeners = new CopyOnWriteArrayList<>();
    private final MailboxFiles files;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-mailbox-expiry");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MailboxConfig config;

    @Activate
    public FileMailboxes(MailboxConfig config, BundleContext context) throws IOException {
        this(config, directory(config, context.getProperty("aiconexus.data")));
    }

    FileMailboxes(MailboxConfig config, Path directory) throws IOException {
        this.config = config;
        this.files = new MailboxFiles(directory, config.fsync());
        for (Mailbox mailbox : files.load()) {
            open.put(mailbox.did, mailbox);
            LOG.info("Mailbox of {} reloaded with {} frames", mailbox.did, mailbox.size());
        }
        sweeper.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.SECONDS);
    }

    static Path directory(MailboxConfig config, String dataDir) {
        if (!config.directory().isBlank()) {
            return Path.of(config.directory());
        }
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir, "mailbox");
    }

    @Modified
    void modified(MailboxConfig config) {
        this.config = config;
    }

    @Deactivate
    public void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public void open(String did) {
        long expires = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(config.graceSeconds());
        try {
            Mailbox existing = open.get(did);
            if (existing != null) {
                synchronized (existing) {
                    if (!existing.closed) {
                        existing.extend(expires);
                        return;
                    }
                }
            }
            open.put(did, files.create(did, expires));
            LOG.info("Mailbox of {} opened for {} s", did, config.graceSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the mailbox of " + did, e);
        }
    }

    @Override
    public boolean isOpen(String did) {
        return !open.isEmpty() && open.containsKey(did);
    }

    @Override
    public Offer offer(String did, StoredFrame frame) {
        Mailbox mailbox = open.get(did);
        if (mailbox == null) {
            return Offer.NO_MAILBOX;
        }
        synchronized (mailbox) {
            if (mailbox.closed) {
                return Offer.NO_MAILBOX;
            }
            MailboxConfig limits = config;
            if (mailbox.size() >= limits.maxFrames() || mailbox.bytes() + frame.text().length() > limits.maxBytes()) {
                return Offer.FULL;
            }
            try {
                mailbox.add(frame);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep a frame in the mailbox of " + did, e);
            }
            return Offer.STORED;
        }
    }

    @Override
    public int deliver(String did, Consumer<StoredFrame> delivery) {
        Mailbox mailbox = open.get(did);
        if (mailbox == null) {
            return 0;
        }
        int delivered = 0;
        while (true) {
            List<StoredFrame> batch;
            synchronized (mailbox) {
                batch = mailbox.takeAll();
                if (batch.isEmpty()) {
                    close(mailbox);
                    LOG.info("Mailbox of {} delivered: {} frames", did, delivered);
                    return delivered;
                }
            }
            batch.forEach(delivery);
            delivered += batch.size();
        }
    }

    @Override
    public List<StoredFrame> discard(String did) {
        Mailbox mailbox = open.get(did);
        if (mailbox == null) {
            return List.of();
        }
        synchronized (mailbox) {
            List<StoredFrame> frames = mailbox.takeAll();
            close(mailbox);
            return frames;
        }
    }

    @Override
    public int openMailboxes() {
        return open.size();
    }

    @Override
    public long keptFrames() {
        long frames = 0;
        for (Mailbox mailbox : open.values()) {
            synchronized (mailbox) {
                frames += mailbox.closed ? 0 : mailbox.size();
            }
        }
        return frames;
    }

    /** Mailboxes whose grace ended: their frames go to the expiry listeners, who tell the senders. */
    void expire() {
        if (expiryListeners.isEmpty()) {
            return; // nobody could tell the senders yet: keep the frames until someone can
        }
        long now = System.currentTimeMillis();
        for (Mailbox mailbox : open.values()) {
            List<StoredFrame> expired;
            synchronized (mailbox) {
                if (mailbox.closed || mailbox.expiresAtMillis > now) {
                    continue;
                }
                expired = mailbox.takeAll();
                close(mailbox);
            }
            LOG.info("Mailbox of {} expired with {} undelivered frames", mailbox.did, expired.size());
            for (StoredFrame frame : expired) {
                for (MailboxExpiry listener : expiryListeners) {
                    try {
                        listener.expired(mailbox.did, frame);
                    } catch (RuntimeException e) {
                        LOG.error("Mailbox expiry listener {} failed on {}", listener, frame.id(), e);
                    }
                }
            }
        }
    }

    private void close(Mailbox mailbox) {
        mailbox.closed = true;
        open.remove(mailbox.did, mailbox);
        mailbox.delete();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExpiryListener(MailboxExpiry listener) {
        expiryListeners.add(listener);
    }

    void removeExpiryListener(MailboxExpiry listener) {
        expiryListeners.remove(listener);
    }
}
