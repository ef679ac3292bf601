package qantar.telegram.route;

import qantar.moderation.Role;

/** The hook through which moderation tells the bot who is a moderator or administrator. */
@FunctionalInterface
public interface RoleLookup {
    RoleLookup EVERYONE_CITIZEN = userId -> Role.CITIZEN;

    Role roleOf(long userId);
}
