package com.ticketing.launcher.simulate;

import java.util.List;
import java.util.random.RandomGenerator;

/** What the simulated marketplace sells: concerts, games and shows at real-sounding venues, with plausible prices. */
final class Catalog {

    private static final List<String> ARTISTS = List.of("Taylor Swift", "Coldplay", "Beyoncé", "Ed Sheeran",
            "Billie Eilish", "Foo Fighters", "Dua Lipa", "Arctic Monkeys", "Kendrick Lamar", "Metallica",
            "Olivia Rodrigo", "The Weeknd", "Bruno Mars", "Radiohead", "Rosalía", "Hozier", "SZA", "Muse");
    private static final List<String> TOURS = List.of("World Tour", "Stadium Tour", "Live", "Farewell Tour",
            "Greatest Hits Night", "Arena Tour");
    private static final List<String> TEAMS = List.of("Lakers", "Celtics", "Warriors", "Knicks", "Bulls", "Heat",
            "Yankees", "Red Sox", "Dodgers", "Cubs", "Chiefs", "Eagles", "49ers", "Packers", "Arsenal", "Liverpool",
            "Real Madrid", "Barcelona", "Bayern Munich", "Juventus");
    private static final List<String> SHOWS = List.of("Hamilton", "The Lion King", "Wicked", "Les Misérables",
            "Cirque du Soleil: Alegría", "Book of Mormon", "Moulin Rouge!", "Stand-up Comedy Night");
    private static final List<String> VENUES = List.of("Madison Square Garden", "Wembley Stadium", "The O2",
            "Crypto.com Arena", "Red Rocks Amphitheatre", "Soldier Field", "Allianz Arena", "Accor Arena",
            "Royal Albert Hall", "Scotiabank Arena", "Ziggo Dome", "SoFi Stadium");

    private Catalog() {
    }

    /** A listing's title and a sensible starting price per ticket (whole currency units). */
    record Offer(String title, int basePrice) {
    }

    static Offer offer(RandomGenerator random) {
        String seats = random.nextBoolean() ? "Sec " + (100 + random.nextInt(240)) + " Row " + (char) ('A' + random.nextInt(26))
                : random.nextInt(4) == 0 ? "Floor GA" : "Balcony " + (1 + random.nextInt(12));
        String venue = pick(random, VENUES);
        return switch (random.nextInt(3)) {
            case 0 -> new Offer(pick(random, ARTISTS) + " — " + pick(random, TOURS) + " · " + venue + " · " + seats,
                    60 + random.nextInt(340));
            case 1 -> {
                String home = pick(random, TEAMS);
                String away = pick(random, TEAMS.stream().filter(team -> !team.equals(home)).toList());
                yield new Offer(home + " vs " + away + " · " + venue + " · " + seats, 40 + random.nextInt(260));
            }
            default -> new Offer(pick(random, SHOWS) + " · " + venue + " · " + seats, 50 + random.nextInt(200));
        };
    }

    static String seller(RandomGenerator random) {
        return "seller-" + String.format("%03d", 1 + random.nextInt(60));
    }

    static String buyer(RandomGenerator random) {
        return "buyer-" + String.format("%03d", 1 + random.nextInt(400));
    }

    static String currency(RandomGenerator random) {
        int roll = random.nextInt(10);
        return roll < 7 ? "USD" : roll < 9 ? "EUR" : "GBP";
    }

    static <T> T pick(RandomGenerator random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
