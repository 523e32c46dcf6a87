package lockstep.batch.discover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The course's roster ({@code --roster CSV}): maps the ids a download gives to names, e-mails and
 * SIS ids, so that the gradebook can be imported and nobody who submitted nothing is forgotten.
 * Read with a real CSV parser (quoted fields, commas and line breaks in names). The header names
 * the columns, in any order and case: an id column ({@code id}, {@code student id}, {@code login},
 * {@code username}, {@code github}, {@code identifier}) is required; {@code name} (or
 * {@code student}, {@code full name}), {@code email}, {@code sis user id} (or {@code sis id}),
 * {@code sis login id} and {@code section} are optional; other columns are ignored. Ids match
 * without regard to case.
 */
public final class Roster {
    private static final List<String> ID = List.of("id", "studentid", "login", "username", "github", "githubusername", "identifier");
    private static final List<String> NAME = List.of("name", "student", "fullname", "studentname");
    private static final List<String> EMAIL = List.of("email", "emailaddress", "mail");
    private static final List<String> SIS_USER = List.of("sisuserid", "sisid");
    private static final List<String> SIS_LOGIN = List.of("sisloginid");
    private static final List<String> SECTION = List.of("section", "sections");

    private final Map<String, RosterEntry> byId;
    private final List<String> notes;

    private Roster(Map<String, RosterEntry> byId, List<String> notes) {
        this.byId = byId;
        this.notes = List.copyOf(notes);
    }

    /** A roster that knows nobody: the batch without {@code --roster}. */
    public static Roster empty() {
        return new Roster(new LinkedHashMap<>(), List.of());
    }

    /**
     * Reads a roster.
     *
     * @throws RosterException when the file cannot be read, is not CSV, or has no id column
     */
    public static Roster read(Path csv) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RosterException("cannot read the roster " + csv + ": no such file");
        } catch (IOException e) {
            throw new RosterException("cannot read the roster " + csv + ": " + e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as spreadsheets write
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .get();
        Map<String, RosterEntry> byId = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            int id = column(header, ID).orElseThrow(() -> new RosterException("the roster " + csv
                    + " has no id column; name one of: id, student id, login, username, github, identifier"));
            Optional<Integer> name = column(header, NAME);
            Optional<Integer> email = column(header, EMAIL);
            Optional<Integer> sisUser = column(header, SIS_USER);
            Optional<Integer> sisLogin = column(header, SIS_LOGIN);
            Optional<Integer> section = column(header, SECTION);
            for (CSVRecord record : parser) {
                String studentId = cell(record, Optional.of(id));
                if (studentId == null) {
                    if (record.stream().anyMatch(v -> !v.isBlank())) {
                        notes.add("Roster line " + parser.getCurrentLineNumber() + " has no id; it was left out.");
                    }
                    continue;
                }
                RosterEntry entry = new RosterEntry(studentId, cell(record, name), cell(record, email), cell(record, sisUser),
                        cell(record, sisLogin), cell(record, section));
                if (byId.putIfAbsent(key(studentId), entry) != null) {
                    notes.add("The roster lists " + studentId + " twice; the first line is used.");
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RosterException("the roster " + csv + " is not valid CSV: " + e.getMessage());
        }
        return new Roster(byId, notes);
    }

    /** The roster's line for {@code id}, matched without regard to case. */
    public Optional<RosterEntry> find(String id) {
        return Optional.ofNullable(byId.get(key(id)));
    }

    /** Everyone on the roster, in the roster's order. */
    public Collection<RosterEntry> entries() {
        return byId.values();
    }

    /** What was odd about the roster (lines without an id, ids listed twice). */
    public List<String> notes() {
        return notes;
    }

    private static String key(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<Integer> column(List<String> header, List<String> names) {
        for (String wanted : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i) != null && header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").equals(wanted)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static String cell(CSVRecord record, Optional<Integer> column) {
        if (column.isEmpty() || column.get() >= record.size()) {
            return null;
        }
        String value = record.get(column.get()).strip();
        return value.isEmpty() ? null : value;
    }

    /** A roster that cannot be used: bad usage, said in plain words. */
    public static final class RosterException extends RuntimeException {
        RosterException(String message) {
            super(message);
        }
    }
}
