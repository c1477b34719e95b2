public class Grusse {
    // Grüße
    public static void main(String[] args) { System.out.println("gruesse"); }
}
