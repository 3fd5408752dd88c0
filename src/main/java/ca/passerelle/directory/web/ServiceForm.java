package ca.passerelle.directory.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ca.passerelle.directory.OpeningHours;
import ca.passerelle.directory.OrganizationId;
import ca.passerelle.directory.ServiceDraft;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.LocalizedText;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.validation.Errors;

/**
 * The service form as a curator fills it in: every text in both languages, the week's hours day
 * by day, one site. It checks itself and says what is wrong field by field, in the curator's
 * language, before anything is written.
 */
public class ServiceForm {

    static final List<String> STATUSES = List.of("active", "temporarily closed", "inactive", "defunct");
    static final List<String> GENDERS = List.of("women", "men", "gender-diverse");
    private static final Pattern POSTAL_CODE = Pattern.compile("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One day's openings: up to two, such as a morning and an evening. */
    public static class Day {

        private String opens1;
        private String closes1;
        private String opens2;
        private String closes2;

        public String getOpens1() {
            return opens1;
        }

        public void setOpens1(String opens1) {
            this.opens1 = opens1;
        }

        public String getCloses1() {
            return closes1;
        }

        public void setCloses1(String closes1) {
            this.closes1 = closes1;
        }

        public String getOpens2() {
            return opens2;
        }

        public void setOpens2(String opens2) {
            this.opens2 = opens2;
        }

        public String getCloses2() {
            return closes2;
        }

        public void setCloses2(String closes2) {
            this.closes2 = closes2;
        }
    }

    private String organization;
    private String recordLanguage = "fr";
    private String nameFr;
    private String nameEn;
    private String descriptionFr;
    private String descriptionEn;
    private String eligibilityFr;
    private String eligibilityEn;
    private String applicationFr;
    private String applicationEn;
    private String feesFr;
    private String feesEn;
    private String waitFr;
    private String waitEn;
    private String alertFr;
    private String alertEn;
    private String status = "active";
    private List<String> domains = new ArrayList<>();
    private boolean noStatusRequired;
    private boolean substanceUseAccessible;
    private boolean traffickingSpecific;
    private String minimumAge;
    private String maximumAge;
    private List<String> genders = new ArrayList<>();
    private String phone;
    private String email;
    private String url;
    private boolean open247;
    private List<Day> days = new ArrayList<>(Arrays.asList(new Day(), new Day(), new Day(), new Day(), new Day(), new Day(), new Day()));
    private List<String> languages = new ArrayList<>();
    private String otherLanguages;
    private String address;
    private String city;
    private String province;
    private String postalCode;
    private String latitude;
    private String longitude;
    private boolean confidential;
    private String area = "LOCAL";
    private String capacityUnit;
    private String capacityMaximum;
    private Long version;

    /** Checks everything a person can get wrong, each problem on its field. */
    public void validate(Errors errors) {
        Language language = Language.fromCode(recordLanguage);
        if (language == null) {
            errors.rejectValue("recordLanguage", "validation.choose");
        } else if (blank(language == Language.FR ? nameFr : nameEn)) {
            errors.rejectValue(language == Language.FR ? "nameFr" : "nameEn", "validation.name.in-record-language");
        }
        if (organization == null || OrganizationId.parse(organization).isEmpty()) {
            errors.rejectValue("organization", "validation.choose");
        }
        if (!STATUSES.contains(status)) {
            errors.rejectValue("status", "validation.choose");
        }
        if (domains.stream().noneMatch(code -> NeedDomain.fromCode(code).isPresent())) {
            errors.rejectValue("domains", "validation.domains.required");
        }
        Integer minimum = age(errors, "minimumAge", minimumAge);
        Integer maximum = age(errors, "maximumAge", maximumAge);
        if (minimum != null && maximum != null && minimum > maximum) {
            errors.rejectValue("maximumAge", "validation.ages.order");
        }
        if (!GENDERS.containsAll(genders)) {
            errors.rejectValue("genders", "validation.choose");
        }
        if (!blank(phone) && phone.replaceAll("\\D", "").length() < 7) {
            errors.rejectValue("phone", "validation.phone");
        }
        if (!blank(email) && !EMAIL.matcher(email.strip()).matches()) {
            errors.rejectValue("email", "validation.email");
        }
        if (!blank(url) && !url.strip().matches("(?i)https?://\\S+\\.\\S+")) {
            errors.rejectValue("url", "validation.url");
        }
        if (!open247) {
            for (int i = 0; i < days.size(); i++) {
                checkOpening(errors, i, 1, days.get(i).getOpens1(), days.get(i).getCloses1());
                checkOpening(errors, i, 2, days.get(i).getOpens2(), days.get(i).getCloses2());
            }
        }
        if (!otherLanguageCodes().stream().allMatch(code -> code.matches("[a-z]{2,3}"))) {
            errors.rejectValue("otherLanguages", "validation.languages");
        }
        boolean hasSite = !blank(address) || !blank(city) || !blank(latitude) || !blank(longitude);
        if (hasSite && blank(city)) {
            errors.rejectValue("city", "validation.city");
        }
        if (hasSite && Province.fromCode(province).isEmpty()) {
            errors.rejectValue("province", "validation.choose");
        }
        if (!blank(postalCode) && !POSTAL_CODE.matcher(postalCode.strip()).matches()) {
            errors.rejectValue("postalCode", "validation.postal-code");
        }
        BigDecimal lat = coordinate(errors, "latitude", latitude, 41.5, 83.5);
        BigDecimal lon = coordinate(errors, "longitude", longitude, -141.5, -52.0);
        if ((lat == null) != (lon == null) && !errors.hasFieldErrors("latitude") && !errors.hasFieldErrors("longitude")) {
            errors.rejectValue(lat == null ? "latitude" : "longitude", "validation.coordinates.both");
        }
        if (confidential && !hasSite) {
            errors.rejectValue("confidential", "validation.confidential.needs-site");
        }
        switch (area) {
            case "LOCAL" -> {
                if (blank(city) && !errors.hasFieldErrors("city")) {
                    errors.rejectValue("area", "validation.area.city");
                }
            }
            case "PROVINCE" -> {
                if (Province.fromCode(province).isEmpty() && !errors.hasFieldErrors("province")) {
                    errors.rejectValue("area", "validation.area.province");
                }
            }
            case "CANADA" -> { }
            case null, default -> errors.rejectValue("area", "validation.choose");
        }
        if (!blank(capacityMaximum) && !capacityMaximum.strip().matches("\\d{1,6}")) {
            errors.rejectValue("capacityMaximum", "validation.count");
        }
    }

    /** What the form says, for the directory to write. Call only after {@link #validate} found nothing. */
    public ServiceDraft toDraft() {
        Set<NeedDomain> chosen = new LinkedHashSet<>();
        domains.forEach(code -> NeedDomain.fromCode(code).ifPresent(chosen::add));
        Map<DayOfWeek, List<OpeningHours.Hours>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (open247) {
                hours.put(day, List.of(new OpeningHours.Hours(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59))));
                continue;
            }
            Day form = days.get(day.ordinal());
            List<OpeningHours.Hours> openings = new ArrayList<>();
            if (!blank(form.getOpens1())) {
                openings.add(new OpeningHours.Hours(LocalTime.parse(form.getOpens1().strip()), LocalTime.parse(form.getCloses1().strip())));
            }
            if (!blank(form.getOpens2())) {
                openings.add(new OpeningHours.Hours(LocalTime.parse(form.getOpens2().strip()), LocalTime.parse(form.getCloses2().strip())));
            }
            if (!openings.isEmpty()) {
                hours.put(day, openings);
            }
        }
        List<String> spoken = new ArrayList<>(languages);
        otherLanguageCodes().stream().filter(code -> !spoken.contains(code)).forEach(spoken::add);
        return new ServiceDraft(
                OrganizationId.parse(organization).orElseThrow(),
                Language.fromCode(recordLanguage),
                LocalizedText.of(nameFr, nameEn),
                LocalizedText.of(descriptionFr, descriptionEn),
                LocalizedText.of(eligibilityFr, eligibilityEn),
                LocalizedText.of(applicationFr, applicationEn),
                LocalizedText.of(feesFr, feesEn),
                LocalizedText.of(waitFr, waitEn),
                LocalizedText.of(alertFr, alertEn),
                status,
                chosen,
                noStatusRequired,
                substanceUseAccessible,
                traffickingSpecific,
                blank(minimumAge) ? null : Integer.valueOf(minimumAge.strip()),
                blank(maximumAge) ? null : Integer.valueOf(maximumAge.strip()),
                new LinkedHashSet<>(genders),
                trimmed(phone),
                trimmed(email),
                trimmed(url),
                hours,
                spoken,
                new ServiceDraft.Site(trimmed(address), trimmed(city), Province.fromCode(province).orElse(null),
                        blank(postalCode) ? null : postalCode.strip().toUpperCase(Locale.ROOT).replaceAll("^(...)\\s*(...)$", "$1 $2"),
                        blank(latitude) ? null : new BigDecimal(latitude.strip()),
                        blank(longitude) ? null : new BigDecimal(longitude.strip()),
                        confidential),
                ServiceDraft.Area.valueOf(area),
                trimmed(capacityUnit),
                blank(capacityMaximum) ? null : Integer.valueOf(capacityMaximum.strip()));
    }

    /** The form filled in with a service as it stands. */
    public static ServiceForm of(ServiceDraft draft, long version) {
        ServiceForm form = new ServiceForm();
        form.organization = draft.organization().toString();
        form.recordLanguage = draft.recordLanguage().code();
        form.nameFr = draft.name().fr();
        form.nameEn = draft.name().en();
        form.descriptionFr = draft.description().fr();
        form.descriptionEn = draft.description().en();
        form.eligibilityFr = draft.eligibility().fr();
        form.eligibilityEn = draft.eligibility().en();
        form.applicationFr = draft.applicationProcess().fr();
        form.applicationEn = draft.applicationProcess().en();
        form.feesFr = draft.fees().fr();
        form.feesEn = draft.fees().en();
        form.waitFr = draft.waitTime().fr();
        form.waitEn = draft.waitTime().en();
        form.alertFr = draft.alert().fr();
        form.alertEn = draft.alert().en();
        form.status = draft.status();
        form.domains = new ArrayList<>(draft.domains().stream().map(NeedDomain::code).toList());
        form.noStatusRequired = draft.noStatusRequired();
        form.substanceUseAccessible = draft.substanceUseAccessible();
        form.traffickingSpecific = draft.traffickingSpecific();
        form.minimumAge = draft.minimumAge() == null ? null : draft.minimumAge().toString();
        form.maximumAge = draft.maximumAge() == null ? null : draft.maximumAge().toString();
        form.genders = new ArrayList<>(draft.genders());
        form.phone = draft.phone();
        form.email = draft.email();
        form.url = draft.url();
        OpeningHours hours = new OpeningHours(draft.hours());
        form.open247 = hours.alwaysOpen();
        if (!form.open247) {
            for (DayOfWeek day : DayOfWeek.values()) {
                List<OpeningHours.Hours> openings = hours.on(day);
                Day target = form.days.get(day.ordinal());
                if (!openings.isEmpty()) {
                    target.setOpens1(openings.get(0).opens().toString());
                    target.setCloses1(openings.get(0).closes().toString());
                }
                if (openings.size() > 1) {
                    target.setOpens2(openings.get(1).opens().toString());
                    target.setCloses2(openings.get(1).closes().toString());
                }
            }
        }
        form.languages = new ArrayList<>(draft.languages().stream().filter(LanguageNames.COMMON::contains).toList());
        form.otherLanguages = String.join(", ", draft.languages().stream().filter(c -> !LanguageNames.COMMON.contains(c)).toList());
        ServiceDraft.Site site = draft.site();
        form.address = site.address();
        form.city = site.city();
        form.province = site.province() == null ? null : site.province().code();
        form.postalCode = site.postalCode();
        form.latitude = site.latitude() == null ? null : site.latitude().toPlainString();
        form.longitude = site.longitude() == null ? null : site.longitude().toPlainString();
        form.confidential = site.confidential();
        form.area = draft.area().name();
        form.capacityUnit = draft.capacityUnit();
        form.capacityMaximum = draft.capacityMaximum() == null ? null : draft.capacityMaximum().toString();
        form.version = version;
        return form;
    }

    private List<String> otherLanguageCodes() {
        if (blank(otherLanguages)) {
            return List.of();
        }
        return Arrays.stream(otherLanguages.split("[,;\\s]+")).map(c -> c.strip().toLowerCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).toList();
    }

    private static Integer age(Errors errors, String field, String value) {
        if (blank(value)) {
            return null;
        }
        if (!value.strip().matches("\\d{1,3}") || Integer.parseInt(value.strip()) > 120) {
            errors.rejectValue(field, "validation.age");
            return null;
        }
        return Integer.valueOf(value.strip());
    }

    private static BigDecimal coordinate(Errors errors, String field, String value, double low, double high) {
        if (blank(value)) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.doubleValue() < low || number.doubleValue() > high) {
                errors.rejectValue(field, "validation.coordinates.canada");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "validation.number");
            return null;
        }
    }

    private static void checkOpening(Errors errors, int day, int which, String opens, String closes) {
        if (blank(opens) && blank(closes)) {
            return;
        }
        String field = "days[" + day + "].opens" + which;
        if (blank(opens) || blank(closes)) {
            errors.rejectValue(field, "validation.hours.pair");
            return;
        }
        try {
            if (LocalTime.parse(opens.strip()).equals(LocalTime.parse(closes.strip()))) {
                errors.rejectValue(field, "validation.hours.same");
            }
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "validation.hours.time");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.strip();
    }

    // Accessors for data binding.

    public String getOrganization() { return organization; }
    public void setOrganization(String organization) { this.organization = organization; }
    public String getRecordLanguage() { return recordLanguage; }
    public void setRecordLanguage(String recordLanguage) { this.recordLanguage = recordLanguage; }
    public String getNameFr() { return nameFr; }
    public void setNameFr(String nameFr) { this.nameFr = nameFr; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String descriptionFr) { this.descriptionFr = descriptionFr; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getEligibilityFr() { return eligibilityFr; }
    public void setEligibilityFr(String eligibilityFr) { this.eligibilityFr = eligibilityFr; }
    public String getEligibilityEn() { return eligibilityEn; }
    public void setEligibilityEn(String eligibilityEn) { this.eligibilityEn = eligibilityEn; }
    public String getApplicationFr() { return applicationFr; }
    public void setApplicationFr(String applicationFr) { this.applicationFr = applicationFr; }
    public String getApplicationEn() { return applicationEn; }
    public void setApplicationEn(String applicationEn) { this.applicationEn = applicationEn; }
    public String getFeesFr() { return feesFr; }
    public void setFeesFr(String feesFr) { this.feesFr = feesFr; }
    public String getFeesEn() { return feesEn; }
    public void setFeesEn(String feesEn) { this.feesEn = feesEn; }
    public String getWaitFr() { return waitFr; }
    public void setWaitFr(String waitFr) { this.waitFr = waitFr; }
    public String getWaitEn() { return waitEn; }
    public void setWaitEn(String waitEn) { this.waitEn = waitEn; }
    public String getAlertFr() { return alertFr; }
    public void setAlertFr(String alertFr) { this.alertFr = alertFr; }
    public String getAlertEn() { return alertEn; }
    public void setAlertEn(String alertEn) { this.alertEn = alertEn; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public List<String> getDomains() { return domains; }
    public void setDomains(List<String> domains) { this.domains = domains == null ? new ArrayList<>() : domains; }
    public boolean isNoStatusRequired() { return noStatusRequired; }
    public void setNoStatusRequired(boolean noStatusRequired) { this.noStatusRequired = noStatusRequired; }
    public boolean isSubstanceUseAccessible() { return substanceUseAccessible; }
    public void setSubstanceUseAccessible(boolean substanceUseAccessible) { this.substanceUseAccessible = substanceUseAccessible; }
    public boolean isTraffickingSpecific() { return traffickingSpecific; }
    public void setTraffickingSpecific(boolean traffickingSpecific) { this.traffickingSpecific = traffickingSpecific; }
    public String getMinimumAge() { return minimumAge; }
    public void setMinimumAge(String minimumAge) { this.minimumAge = minimumAge; }
    public String getMaximumAge() { return maximumAge; }
    public void setMaximumAge(String maximumAge) { this.maximumAge = maximumAge; }
    public List<String> getGenders() { return genders; }
    public void setGenders(List<String> genders) { this.genders = genders == null ? new ArrayList<>() : genders; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public boolean isOpen247() { return open247; }
    public void setOpen247(boolean open247) { this.open247 = open247; }
    public List<Day> getDays() { return days; }
    public void setDays(List<Day> days) { this.days = days; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
    public String getOtherLanguages() { return otherLanguages; }
    public void setOtherLanguages(String otherLanguages) { this.otherLanguages = otherLanguages; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getProvince() { return province; }
    public void setProvince(String province) { this.province = province; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean confidential) { this.confidential = confidential; }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
    public String getCapacityUnit() { return capacityUnit; }
    public void setCapacityUnit(String capacityUnit) { this.capacityUnit = capacityUnit; }
    public String getCapacityMaximum() { return capacityMaximum; }
    public void setCapacityMaximum(String capacityMaximum) { this.capacityMaximum = capacityMaximum; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
