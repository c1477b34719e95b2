// The fix: the check and the act happen under one lock.
public class CheckThenActFixed {
    public static void main(String[] args) throws InterruptedException {
        Account account = new Account(100);
        Thread alice = new Thread(() -> account.withdraw(70), "alice");
        Thread bob = new Thread(() -> account.withdraw(70), "bob");
        alice.start(); bob.start();
        alice.join(); bob.join();
        if (account.balance() < 0) throw new AssertionError("overdrawn: " + account.balance());
    }
}

class Account {
    private int balance;

    Account(int balance) {
        this.balance = balance;
    }

    synchronized void withdraw(int amount) {
        if (balance >= amount) {
            balance = balance - amount;
        }
    }

    synchronized int balance() {
        return balance;
    }
}
