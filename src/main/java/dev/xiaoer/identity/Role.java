package dev.xiaoer.identity;

/** What a user may do in one workspace. Listed from most to least powerful, station staff aside. */
public enum Role {
    OWNER, ADMIN, SUPERVISOR, AGENT, STATION_STAFF;

    public String authority() {
        return "ROLE_" + name();
    }
}
