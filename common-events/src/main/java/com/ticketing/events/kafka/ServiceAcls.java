package com.ticketing.events.kafka;

import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs each service's principal needs on a secured cluster (contract section 6), and nothing more:
 * only the gateway writes message commands, only message-service message events, only
 * listing-events-service the listing and transaction updates (READ and WRITE imply DESCRIBE). The
 * README's table is this class in prose;
 * the secured end-to-end test grants exactly these and nothing else. Topics are assumed to exist
 * (created by the operator, {@code TICKETING_KAFKA_PROVISION_TOPICS=false}); Kafka Streams creates its
 * own internal topics under its application id.
 */
public final class ServiceAcls {

    /** The gateway's Kafka Streams application ids are {@code gateway-<instance id>}. */
    public static final String GATEWAY_STREAMS_PREFIX = "gateway-";

    private ServiceAcls() {
    }

    /**
     * Writes commands, typing signals, presence and its sockets' sessions; reads the updates, message events,
     * typing, presence, sessions and blocks (the feed and the session directory assign partitions themselves,
     * without a group); runs the presence streams.
     */
    public static List<AclBinding> gateway(String principal) {
        List<AclBinding> acls = new ArrayList<>();
        write(acls, principal, Topics.MESSAGE_COMMANDS, Topics.TYPING_SIGNALS, Topics.PRESENCE_EVENTS,
                Topics.SOCKET_SESSIONS);
        read(acls, principal, Topics.LISTING_UPDATES, Topics.TRANSACTION_UPDATES, Topics.MESSAGE_EVENTS,
                Topics.TYPING_SIGNALS, Topics.PRESENCE_EVENTS, Topics.SOCKET_SESSIONS, Topics.USER_BLOCKS);
        streamsApplication(acls, principal, GATEWAY_STREAMS_PREFIX, PatternType.PREFIXED);
        return acls;
    }

    /**
     * Consumes commands in {@code commandsGroup} and reads the gateways' presence (without a group);
     * writes message events, the commands' dead letters, push requests, reports and the block feed.
     */
    public static List<AclBinding> messageService(String principal, String commandsGroup) {
        List<AclBinding> acls = new ArrayList<>();
        read(acls, principal, Topics.MESSAGE_COMMANDS, Topics.PRESENCE_EVENTS);
        acls.add(allow(principal, ResourceType.GROUP, commandsGroup, PatternType.LITERAL, AclOperation.READ));
        write(acls, principal, Topics.MESSAGE_EVENTS, Topics.MESSAGE_COMMANDS.deadLetter(),
                Topics.NOTIFICATION_REQUESTS, Topics.MODERATION_REPORTS, Topics.USER_BLOCKS);
        return acls;
    }

    /** Reads the marketplace's events, writes the updates and dead letters, exactly-once under {@code applicationId}. */
    public static List<AclBinding> listingEventsService(String principal, String applicationId) {
        List<AclBinding> acls = new ArrayList<>();
        read(acls, principal, Topics.LISTING_EVENTS, Topics.TRANSACTION_EVENTS);
        write(acls, principal, Topics.LISTING_UPDATES, Topics.TRANSACTION_UPDATES, Topics.LISTING_EVENTS.deadLetter(),
                Topics.TRANSACTION_EVENTS.deadLetter());
        streamsApplication(acls, principal, applicationId, PatternType.LITERAL);
        // exactly-once v2: one transactional id per stream thread, <application id>-<process id>-<thread>
        acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED,
                AclOperation.WRITE));
        return acls;
    }

    /** A marketplace service: writes listing and transaction events, nothing else. */
    public static List<AclBinding> marketplacePublisher(String principal) {
        List<AclBinding> acls = new ArrayList<>();
        write(acls, principal, Topics.LISTING_EVENTS, Topics.TRANSACTION_EVENTS);
        return acls;
    }

    /** The group, and every internal topic (changelogs, repartitions) under the application id. */
    private static void streamsApplication(List<AclBinding> acls, String principal, String applicationId,
                                           PatternType groupPattern) {
        acls.add(allow(principal, ResourceType.GROUP, applicationId, groupPattern, AclOperation.READ));
        String internalTopics = groupPattern == PatternType.PREFIXED ? applicationId : applicationId + "-";
        acls.add(allow(principal, ResourceType.TOPIC, internalTopics, PatternType.PREFIXED, AclOperation.ALL));
    }

    private static void write(List<AclBinding> acls, String principal, Topic... topics) {
        for (Topic topic : topics) {
            acls.add(allow(principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE));
        }
    }

    private static void read(List<AclBinding> acls, String principal, Topic... topics) {
        for (Topic topic : topics) {
            acls.add(allow(principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ));
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
