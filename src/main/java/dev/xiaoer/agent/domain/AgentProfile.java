package dev.xiaoer.agent.domain;

import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.kernel.InvalidInput;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What routing knows of an agent besides their membership: skills, capacity and presence.
 * Members without a stored profile have {@link #initial()}: offline, default capacity, no skills.
 */
public record AgentProfile(Set<String> languages, Set<String> categories, int capacity, AgentStatus status,
                           Instant statusChangedAt) {

    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 50;
    public static final int DEFAULT_CAPACITY = 5;
    public static final int SKILL_MAX = 60;
    public static final int LANGUAGE_MAX = 16;
    public static final int SKILLS_MAX = 30;

    public AgentProfile {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new InvalidInput("capacity", "agent-capacity-out-of-range", MIN_CAPACITY, MAX_CAPACITY);
        }
        languages = Set.copyOf(languages);
        categories = Set.copyOf(categories);
    }

    public static AgentProfile initial() {
        return new AgentProfile(Set.of(), Set.of(), DEFAULT_CAPACITY, AgentStatus.OFFLINE, null);
    }

    public AgentProfile withLanguages(Collection<String> tags) {
        return new AgentProfile(languages(tags), categories, capacity, status, statusChangedAt);
    }

    public AgentProfile withCategories(Collection<String> names) {
        return new AgentProfile(languages, categories(names), capacity, status, statusChangedAt);
    }

    public AgentProfile withCapacity(int newCapacity) {
        return new AgentProfile(languages, categories, newCapacity, status, statusChangedAt);
    }

    /** The same profile if the status does not change, so that nothing announces a non-change. */
    public AgentProfile withStatus(AgentStatus newStatus, Instant at) {
        return newStatus == status ? this : new AgentProfile(languages, categories, capacity, newStatus, at);
    }

    /** Languages as BCP 47 tags: {@code zh_cn} and {@code ZH-CN} are both {@code zh-CN}. */
    public static Set<String> languages(Collection<String> tags) {
        var normalised = new TreeSet<String>();
        for (var tag : tags) {
            var canonical = tag == null ? "und" : Locale.forLanguageTag(tag.strip().replace('_', '-')).toLanguageTag();
            if ("und".equals(canonical) || canonical.length() > LANGUAGE_MAX) {
                throw new InvalidInput("languages", "agent-language-invalid", String.valueOf(tag));
            }
            normalised.add(canonical);
        }
        return limited("languages", normalised);
    }

    /** Product categories in lower case: {@code Fertilizer} and {@code fertilizer} are one category. */
    public static Set<String> categories(Collection<String> names) {
        var normalised = new TreeSet<String>();
        for (var name : names) {
            if (name == null || name.isBlank() || name.strip().length() > SKILL_MAX) {
                throw new InvalidInput("categories", "agent-category-invalid", SKILL_MAX);
            }
            normalised.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return limited("categories", normalised);
    }

    private static Set<String> limited(String field, Set<String> skills) {
        if (skills.size() > SKILLS_MAX) {
            throw new InvalidInput(field, "agent-too-many-skills", SKILLS_MAX);
        }
        return skills;
    }
}
