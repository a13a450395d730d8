package org.nlwb.decoder.filter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.NamedSubtree;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.StructDef;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * Where, in a message of one YNL family, nodes named one field can be: per attribute set and
 * nla_type, whether the attribute is the field, leads to it through a plain nest or a sub-message,
 * must be decoded alone to know, or cannot hold it. Worked out once from the spec and the codecs
 * that replace the spec's; immutable.
 *
 * <p>A Java codec put in place of the spec's is known only as far as it says
 * ({@link NamedSubtree}: the names it makes, the sets it walks); one that does not say is
 * {@link Way#FULL}, the only way left that needs the whole message. A codec that a plugin
 * registers only to see the family's sets (it hands back the spec's own, as RTA_ENCAP's does) is
 * the spec's. Everything is worked out in the constructor; afterwards it is only read (from several
 * threads).
 */
final class FieldReach {

    /** How the walk treats one attribute. */
    enum Way {
        /** Holds no node of the name: skipped. */
        NONE,
        /** Is the field, a value with no nested attributes: decoded alone. */
        TARGET,
        /** A plain nest whose attributes may hold the field: walked into. */
        NEST,
        /** A sub-message whose formats may hold the field: its selector's value says which to walk. */
        SUB,
        /**
         * Decoded alone, in the scope of its level, and its subtree searched: the field itself when
         * it is a container, a struct, indexed array, nest-type-value or sub-message header that
         * may hold it, a Java codec that says it may.
         */
        ALONE,
        /** A Java codec that does not say what it makes: only the whole decode shows. */
        FULL
    }

    /**
     * One attribute's way; for {@link Way#NEST} the set it nests, for {@link Way#SUB} the
     * sub-message attribute and its selector's candidates (in the order its codec asks them).
     * {@code selector}: the attribute's value may choose a sub-message's format, so the walk
     * decodes it whatever its way. {@code itself}: the attribute's own node has the field's name
     * (its header alone says the field is there).
     */
    record Step(Way way, String nested, AttrSpec attr, List<AttrSpec> candidates, boolean selector, boolean itself) {
        static final Step NONE = new Step(Way.NONE, null, null, List.of(), false, false);
        static final Step FULL = new Step(Way.FULL, null, null, List.of(), false, false);
        static final Step TARGET = new Step(Way.TARGET, null, null, List.of(), false, true);
        static final Step ALONE = new Step(Way.ALONE, null, null, List.of(), false, false);
        static final Step ALONE_ITSELF = new Step(Way.ALONE, null, null, List.of(), false, true);

        Step asSelector() {
            return selector || way == Way.FULL ? this : new Step(way, nested, attr, candidates, true, itself);
        }
    }

    private final String field;
    private final Family family;
    private final FamilyCodecs codecs;
    /** The family's codecs without any plugin's: what the spec alone decodes with. */
    private final FamilyCodecs specOnly;
    /** Kernel names of every attribute a sub-message's selector may be: values the walk must remember. */
    private final Set<String> selectors = new HashSet<>();
    private final Map<String, Set<String>> structNames = new HashMap<>();
    /** Sets that hold the field themselves (an attribute of that name, or one only a decode can read). */
    private final Set<String> direct = new HashSet<>();
    /** Sets from which a direct set can be reached. */
    private final Set<String> leading;
    private final Map<String, Map<Integer, Step>> steps = new HashMap<>();

    private FieldReach(Family family, FamilyCodecs codecs, String field) {
        this.field = field;
        this.family = family;
        this.codecs = codecs;
        this.specOnly = new FamilyCodecs(family);
        // every struct's names now: after construction the maps are only read, from several threads
        family.structs().keySet().forEach(this::namesOf);
        Map<String, Set<String>> edges = new HashMap<>();
        for (AttrSetSpec set : family.attributeSets().values()) {
            Set<String> to = new HashSet<>();
            for (AttrSpec a : set.attributes()) {
                if (holdsItself(set, a)) {
                    direct.add(set.name());
                }
                if (a.nested() != null) {
                    to.add(a.nested());
                }
                if (replacement(set, a) instanceof NamedSubtree n) {
                    to.addAll(n.walkedSets());
                }
                SubMessageSpec sub = a.subMessage() == null ? null : family.subMessages().get(a.subMessage());
                if (sub != null) {
                    sub.formats().values().forEach(f -> {
                        if (f.attributeSet() != null) {
                            to.add(f.attributeSet());
                        }
                    });
                }
            }
            edges.put(set.name(), to);
        }
        this.leading = reachingBack(edges);
        for (AttrSetSpec set : family.attributeSets().values()) {
            for (AttrSpec a : set.attributes()) {
                if (a.type() == AttrType.SUB_MESSAGE) {
                    candidates(set, a).forEach(c -> selectors.add(c.kernelName()));
                }
            }
        }
        for (AttrSetSpec set : family.attributeSets().values()) {
            Map<Integer, Step> byType = new HashMap<>();
            for (AttrSpec a : set.attributes()) {
                Step st = step(set, a);
                byType.put(a.value(), selectors.contains(a.kernelName()) ? st.asSelector() : st);
            }
            steps.put(set.name(), byType);
        }
    }

    /**
     * The attributes a sub-message's selector may be, as its codec looks them up: the one of that
     * name in the attribute's own set first, then each set's of that name (a distinct kernel name).
     */
    private List<AttrSpec> candidates(AttrSetSpec own, AttrSpec a) {
        List<AttrSpec> out = new ArrayList<>();
        if (a.selector() == null) {
            return out;
        }
        AttrSpec mine = own.byName(a.selector());
        if (mine != null) {
            out.add(mine);
        }
        for (AttrSetSpec other : family.attributeSets().values()) {
            AttrSpec c = other.byName(a.selector());
            if (c != null && out.stream().noneMatch(x -> x.kernelName().equals(c.kernelName()))) {
                out.add(c);
            }
        }
        return out;
    }

    Family family() {
        return family;
    }

    /** Where {@code field} can be in messages of {@code codecs}' family. */
    static FieldReach of(FamilyCodecs codecs, String field) {
        return new FieldReach(codecs.family(), codecs, field);
    }

    String field() {
        return field;
    }

    /** Whether an attribute of kernel name {@code name} may be a sub-message's selector (its value is remembered). */
    boolean selector(String name) {
        return selectors.contains(name);
    }

    /** The way of attribute {@code type} (flag bits removed) of set {@code setName}. */
    Step step(String setName, int type) {
        Map<Integer, Step> byType = setName == null ? null : steps.get(setName);
        Step s = byType == null ? null : byType.get(type);
        return s == null ? Step.NONE : s; // a type the spec does not name is guessed: generic names only
    }

    /** Whether struct {@code structName} (a fixed header) decodes to a node of the field's name. */
    boolean structHolds(String structName) {
        if (structName == null) {
            return false;
        }
        Set<String> names = structNames.get(structName);
        // a struct the spec does not define has no members: at most a node named after it
        return names != null ? names.contains(field)
                : field.equals(structName) || field.equals(StructDef.cName(structName));
    }

    private Step step(AttrSetSpec set, AttrSpec a) {
        AttributeCodec replaced = replacement(set, a);
        if (replaced != null) {
            if (!(replaced instanceof NamedSubtree n)) {
                return Step.FULL;
            }
            if (field.equals(a.kernelName())) {
                return Step.ALONE_ITSELF;
            }
            return n.mayName(field) || n.walkedSets().stream().anyMatch(leading::contains) ? Step.ALONE : Step.NONE;
        }
        if (field.equals(a.kernelName())) {
            return container(a.type()) ? Step.ALONE_ITSELF : Step.TARGET;
        }
        if (a.struct() != null && structHolds(a.struct())) {
            return Step.ALONE;
        }
        if (a.type() == AttrType.NEST && a.nested() != null) {
            return leading.contains(a.nested()) ? new Step(Way.NEST, a.nested(), null, List.of(), false, false) : Step.NONE;
        }
        if (a.nested() != null && leading.contains(a.nested())) {
            return Step.ALONE; // an indexed array or nest-type-value of a set that may hold it
        }
        if (a.type() != AttrType.SUB_MESSAGE) {
            return Step.NONE;
        }
        if (subMessageHolds(a) || family.subMessages().get(a.subMessage()) == null) {
            return Step.ALONE;
        }
        return subMessageLeads(a) ? new Step(Way.SUB, null, a, candidates(set, a), false, false) : Step.NONE;
    }

    /**
     * The Java codec that decodes attribute {@code a} of {@code set} in place of the spec's, or null
     * when the spec's own codec does (none registered, or the plugin handed the spec's back).
     */
    private AttributeCodec replacement(AttrSetSpec set, AttrSpec a) {
        if (!codecs.overridden(set.name(), a.name())) {
            return null;
        }
        AttributeCodec used = codecs.set(set.name()).codec(a.value());
        AttributeCodec spec = specOnly.set(set.name()).codec(a.value());
        return used == null || spec != null && used.getClass() == spec.getClass() ? null : used;
    }

    private boolean subMessageLeads(AttrSpec a) {
        SubMessageSpec sub = family.subMessages().get(a.subMessage());
        if (sub == null) {
            return true;
        }
        for (SubMessageSpec.Format f : sub.formats().values()) {
            if (f.attributeSet() != null && leading.contains(f.attributeSet())) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsItself(AttrSetSpec set, AttrSpec a) {
        AttributeCodec replaced = replacement(set, a);
        if (replaced != null) {
            return field.equals(a.kernelName()) || !(replaced instanceof NamedSubtree n) || n.mayName(field);
        }
        return field.equals(a.kernelName()) || (a.struct() != null && structHolds(a.struct())) || (a.type() == AttrType.SUB_MESSAGE && subMessageHolds(a));
    }

    private boolean subMessageHolds(AttrSpec a) {
        SubMessageSpec sub = a.subMessage() == null ? null : family.subMessages().get(a.subMessage());
        if (sub == null) {
            return true; // the codec decides what it is: a decode says
        }
        for (SubMessageSpec.Format f : sub.formats().values()) {
            if (structHolds(f.fixedHeader())) {
                return true;
            }
        }
        return false; // the formats' attribute sets are edges: leading covers them
    }

    private static boolean container(AttrType t) {
        return t == AttrType.NEST || t == AttrType.INDEXED_ARRAY || t == AttrType.NEST_TYPE_VALUE
                || t == AttrType.SUB_MESSAGE;
    }

    /** Sets from which a {@link #direct} set can be reached through {@code edges}, the direct ones included. */
    private Set<String> reachingBack(Map<String, Set<String>> edges) {
        Map<String, Set<String>> back = new HashMap<>();
        edges.forEach((from, tos) -> tos.forEach(to -> back.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
        Set<String> out = new HashSet<>(direct);
        Deque<String> todo = new ArrayDeque<>(direct);
        while (!todo.isEmpty()) {
            for (String from : back.getOrDefault(todo.pop(), Set.of())) {
                if (out.add(from)) {
                    todo.push(from);
                }
            }
        }
        return out;
    }

    /** Every name a struct's node and its members' nodes may carry, in both spellings, nested structs included. */
    private Set<String> namesOf(String structName) {
        Set<String> known = structNames.get(structName);
        if (known != null) {
            return known;
        }
        Set<String> names = new HashSet<>();
        structNames.put(structName, names); // a struct that contains itself ends here
        names.add(structName);
        names.add(StructDef.cName(structName));
        StructDef s = family.structs().get(structName);
        if (s != null) {
            for (StructDef.Member m : s.members()) {
                names.add(m.name());
                names.add(m.cName());
                if (m.struct() != null) {
                    names.addAll(namesOf(m.struct()));
                }
            }
        }
        return names;
    }
}
