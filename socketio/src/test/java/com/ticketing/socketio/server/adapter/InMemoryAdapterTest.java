package com.ticketing.socketio.server.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.socket.Socket;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InMemoryAdapterTest {

    private final InMemoryAdapter adapter = new InMemoryAdapter(new NoSockets());

    @Test
    void roomsOfASocketIncludeItsOwnIdWithoutStoringIt() {
        adapter.join("s1", List.of("s1", "a"));
        assertThat(adapter.rooms("s1")).containsExactlyInAnyOrder("s1", "a");
        assertThat(adapter.rooms()).containsExactly("a");
    }

    @Test
    void targetIsTheUnionOfItsRoomsMinusTheExceptedRooms() {
        adapter.join("s1", List.of("a"));
        adapter.join("s2", List.of("a", "b"));
        adapter.join("s3", List.of("b", "muted"));
        assertThat(adapter.socketIds(new BroadcastTarget(Set.of("a", "b"), Set.of("muted"))))
                .containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void leavingTheLastMemberRemovesTheRoom() {
        adapter.join("s1", List.of("a", "b"));
        adapter.leave("s1", "a");
        assertThat(adapter.rooms()).containsExactly("b");
        adapter.leaveAll("s1");
        assertThat(adapter.rooms()).isEmpty();
        assertThat(adapter.rooms("s1")).containsExactly("s1");
    }

    @Test
    void concurrentJoinsAndLeavesOfOneRoomLoseNoMember() throws InterruptedException {
        int threads = 4;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String id = "s" + t;
            new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    adapter.join(id, List.of("hot"));
                    adapter.leave(id, "hot");
                }
                adapter.join(id, List.of("hot"));
                done.countDown();
            }).start();
        }
        done.await();
        assertThat(adapter.socketIds(BroadcastTarget.room("hot"))).containsExactlyInAnyOrder("s0", "s1", "s2", "s3");
    }

    /** A namespace without local sockets: only the room bookkeeping is exercised. */
    private static final class NoSockets implements AdapterContext {
        @Override
        public String namespace() {
            return "/";
        }

        @Override
        public Socket socket(String id) {
            return null;
        }

        @Override
        public Collection<Socket> sockets() {
            return List.of();
        }

        @Override
        public List<EngineMessage> encode(Packet packet) {
            return List.of();
        }
    }
}
