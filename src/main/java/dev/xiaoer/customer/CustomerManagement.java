package dev.xiaoer.customer;

import dev.xiaoer.customer.domain.CustomerProfile;
import dev.xiaoer.customer.domain.Tags;
import dev.xiaoer.customer.infra.CustomerStore;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.Cursor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer profiles and their channel identities. An identity belongs to at most one customer of
 * a workspace; that rule is what makes find-or-create and merging safe.
 */
@Service
public class CustomerManagement {

    private final CustomerStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerManagement(CustomerStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The customer known by this identity, or a new one with this display name, with the name to
     * show for it. Safe under concurrency: two first messages from the same address yield one
     * customer.
     */
    @Transactional
    public CustomerRef findOrCreate(WorkspaceId workspace, ChannelIdentity identity, String displayName) {
        var existing = store.namedHolderOf(workspace, identity);
        if (existing.isPresent()) {
            return existing.get();
        }
        var id = new CustomerId(UUID.randomUUID());
        var now = clock.instant();
        var profile = profileFor(identity, displayName);
        store.insert(workspace, id, profile, now);
        if (!store.claimIdentity(workspace, identity, id, now)) {
            // Someone else's first contact won the race: theirs is the customer.
            store.delete(id);
            return store.namedHolderOf(workspace, identity).orElseThrow();
        }
        return new CustomerRef(id, profile.name());
    }

    @Transactional(readOnly = true)
    public Optional<CustomerId> findByIdentity(WorkspaceId workspace, ChannelIdentity identity) {
        return store.holderOf(workspace, identity);
    }

    /** The customer with its tags and identities, also when it has been merged (see {@link Customer#mergedInto()}). */
    @Transactional(readOnly = true)
    public Optional<Customer> find(WorkspaceId workspace, CustomerId id) {
        return store.find(workspace, id);
    }

    @Transactional(readOnly = true)
    public Customer get(WorkspaceId workspace, CustomerId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("customer", id));
    }

    /**
     * Display names of these customers, in one query: for lists that show many customers at once.
     * Ids unknown in this workspace are absent from the result.
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, String> names(WorkspaceId workspace, Collection<CustomerId> ids) {
        return ids.isEmpty() ? Map.of() : store.names(workspace, ids);
    }

    /**
     * These customers with their tags and identities, in three queries whatever their number: for
     * lists that show more than names (language, tier). Ids unknown in this workspace are absent.
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, Customer> findAll(WorkspaceId workspace, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.findAll(workspace, ids).stream()
                .collect(Collectors.toMap(Customer::id, customer -> customer));
    }

    /** The customer as long as it stands on its own; a merged one is reported as {@link CustomerMergedAway}. */
    @Transactional(readOnly = true)
    public Customer getActive(WorkspaceId workspace, CustomerId id) {
        var customer = get(workspace, id);
        if (customer.merged()) {
            throw new CustomerMergedAway(id, customer.mergedInto());
        }
        return customer;
    }

    /** Who merged which customers into this one, and when; oldest first. */
    @Transactional(readOnly = true)
    public List<CustomerMergeRecord> mergesInto(WorkspaceId workspace, CustomerId target) {
        return store.mergesInto(workspace, target);
    }

    /**
     * Creates a customer with its identities (its e-mail and phone count as identities too).
     * Refused as a whole with {@link IdentityAlreadyInUse} when another customer holds one of them.
     */
    @Transactional
    public Customer create(WorkspaceId workspace, NewCustomer customer) {
        var profile = CustomerProfile.of(customer);
        var tags = Tags.normalise(customer.tags());
        var identities = new LinkedHashSet<ChannelIdentity>();
        if (profile.emailIdentity() != null) {
            identities.add(profile.emailIdentity());
        }
        if (profile.phoneIdentity() != null) {
            identities.add(profile.phoneIdentity());
        }
        identities.addAll(customer.identities());
        var id = new CustomerId(UUID.randomUUID());
        var now = clock.instant();
        store.insert(workspace, id, profile, now);
        for (var identity : identities) {
            claim(workspace, id, identity, now);
        }
        store.addTags(id, tags);
        return get(workspace, id);
    }

    /** Applies a partial update; a new e-mail address or phone number becomes an identity as well. */
    @Transactional
    public Customer update(WorkspaceId workspace, CustomerId id, CustomerChanges changes) {
        var current = lockActive(workspace, id);
        var profile = current.profile().apply(changes);
        var now = clock.instant();
        if (profile.email() != null && !profile.email().equals(current.profile().email())) {
            claim(workspace, id, profile.emailIdentity(), now);
        }
        if (profile.phone() != null && !profile.phone().equals(current.profile().phone())) {
            claim(workspace, id, profile.phoneIdentity(), now);
        }
        store.updateProfile(id, profile, now);
        if (changes.tags() != null) {
            store.replaceTags(id, Tags.normalise(changes.tags()));
        }
        return get(workspace, id);
    }

    /** Adds a way to recognise the customer; adding one it already has changes nothing. */
    @Transactional
    public Customer addIdentity(WorkspaceId workspace, CustomerId id, ChannelIdentity identity) {
        lockActive(workspace, id);
        var now = clock.instant();
        claim(workspace, id, identity, now);
        store.touch(id, now);
        return get(workspace, id);
    }

    /**
     * Forgets a way to recognise the customer: the next contact through it creates a new customer.
     * The profile's e-mail and phone fields are left as they are.
     */
    @Transactional
    public void removeIdentity(WorkspaceId workspace, CustomerId id, ChannelIdentity identity) {
        lockActive(workspace, id);
        if (!store.removeIdentity(workspace, id, identity)) {
            throw new NotFound("identity", identity.type().code() + ":" + identity.value());
        }
        store.touch(id, clock.instant());
    }

    /** Active (not merged) customers, newest first, one page at a time. */
    @Transactional(readOnly = true)
    public CursorPage<Customer> search(WorkspaceId workspace, CustomerSearch search) {
        var tier = search.tier() == null || search.tier().isBlank()
                ? null : search.tier().strip().toLowerCase(Locale.ROOT);
        var normalised = new CustomerSearch(search.text(), Tags.normalise(search.tag()), tier, search.after(),
                search.limit());
        var rows = store.search(workspace, normalised);
        if (rows.size() <= search.limit()) {
            return new CursorPage<>(rows, null);
        }
        var page = rows.subList(0, search.limit());
        var last = page.getLast();
        return new CursorPage<>(page, new Cursor(last.createdAt(), last.id().value()).encode());
    }

    /**
     * Merges {@code source} into {@code target}: the target gets the source's identities and tags
     * and keeps its own profile, filling its empty fields from the source's. The source stays as a
     * pointer to the target. Recorded with who and when, and announced as {@link CustomerMerged} so
     * that the customer's tickets follow.
     */
    @Transactional
    public Customer merge(WorkspaceId workspace, CustomerId source, CustomerId target, Actor actor) {
        if (source.equals(target)) {
            throw new CustomerMergeIntoItself(source);
        }
        // The customer addressed is looked up first (404 when missing); the source named in the body
        // is input, so one this workspace does not have is refused in that field, whoever holds it.
        get(workspace, target);
        if (store.find(workspace, source).isEmpty()) {
            throw new InvalidInput("source", "unknown-customer", source);
        }
        // Locks in a fixed order, so that merges of A into B and of B into A cannot deadlock.
        var sourceFirst = source.value().compareTo(target.value()) < 0;
        var first = lock(workspace, sourceFirst ? source : target);
        var second = lock(workspace, sourceFirst ? target : source);
        var from = sourceFirst ? first : second;
        var into = sourceFirst ? second : first;
        for (var customer : new CustomerStore.LockedCustomer[] {from, into}) {
            if (customer.mergedInto() != null) {
                throw new CustomerAlreadyMerged(customer.id(), customer.mergedInto());
            }
        }
        var now = clock.instant();
        var identitiesMoved = store.moveIdentities(source, target);
        var newTags = new TreeSet<>(store.tags(source));
        newTags.removeAll(store.tags(target));
        store.addTags(target, newTags);
        store.replaceTags(source, List.of());
        store.updateProfile(target, into.profile().fillEmptyFrom(from.profile()), now);
        store.markMerged(source, target, now);
        store.recordMerge(workspace, source, target, actor, identitiesMoved, newTags.size(), now);
        events.publishEvent(new CustomerMerged(workspace, source, target, now));
        return get(workspace, target);
    }

    private void claim(WorkspaceId workspace, CustomerId id, ChannelIdentity identity, Instant now) {
        if (!store.claimIdentity(workspace, identity, id, now)) {
            var holder = store.holderOf(workspace, identity).orElseThrow();
            if (!holder.equals(id)) {
                throw new IdentityAlreadyInUse(identity, holder);
            }
        }
    }

    private CustomerStore.LockedCustomer lock(WorkspaceId workspace, CustomerId id) {
        return store.lock(workspace, id).orElseThrow(() -> new NotFound("customer", id));
    }

    private CustomerStore.LockedCustomer lockActive(WorkspaceId workspace, CustomerId id) {
        var customer = lock(workspace, id);
        if (customer.mergedInto() != null) {
            throw new CustomerMergedAway(id, customer.mergedInto());
        }
        return customer;
    }

    /** A first contact's profile: its display name (or the identity itself), and its e-mail or phone when fitting. */
    private static CustomerProfile profileFor(ChannelIdentity identity, String displayName) {
        var name = displayName == null || displayName.isBlank() ? identity.value() : displayName.strip();
        if (name.length() > CustomerProfile.NAME_MAX) {
            name = name.substring(0, CustomerProfile.NAME_MAX);
        }
        var value = identity.value();
        var email = identity.type() == IdentityType.EMAIL && value.length() <= CustomerProfile.EMAIL_MAX ? value : null;
        var phone = identity.type() == IdentityType.PHONE && value.length() <= CustomerProfile.PHONE_MAX ? value : null;
        return new CustomerProfile(name, email, phone, null, null, null);
    }
}
