package dev.tradeflow.state;

/**
 * Told of every change a store applies, whether it came from the rebuild, this process's writes or
 * another writer's. Called while the key is locked: keep it short. Derived state (aggregates, an
 * index) is kept in step with the store this way.
 */
@FunctionalInterface
public interface StoreListener<V> {

  /**
   * @param previous the value before, or null if the key was absent
   * @param current the value after, or null if the key was deleted
   */
  void changed(String key, V previous, V current);
}
