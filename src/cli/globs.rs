//! `-g/--glob`: which walked files `-r` reads, with ripgrep's rules. Each GLOB includes
//! the files it matches, `!GLOB` excludes them; when several match, the last one given
//! wins; when include globs exist, a file none of them matches is left out. A glob
//! without `/` matches a file or directory name at any depth, one with `/` (a leading
//! one only anchors it) matches the path under the walked directory, and a trailing `/`
//! restricts it to directories. Directories are only ever left out by an exclude, so
//! `-g '*.txt'` still walks into every subdirectory. Matching is globset's (the glob
//! engine of ripgrep), compiled once into two sets: names and paths.

use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// The compiled `-g` globs of a run.
#[derive(Debug, Clone)]
pub struct FileFilter {
    /// Globs matched against the name of an entry.
    by_name: GlobSet,
    /// Globs matched against the path of an entry under the walked directory.
    by_path: GlobSet,
    /// For each glob of `by_name`, then of `by_path`: its rule.
    name_rules: Vec<Rule>,
    path_rules: Vec<Rule>,
    any_include: bool,
}

#[derive(Debug, Clone, Copy)]
struct Rule {
    /// Position on the command line: the last matching glob decides.
    order: usize,
    exclude: bool,
    directories_only: bool,
}

impl FileFilter {
    /// Compiles the globs; the error names the glob and what is wrong with it.
    pub fn new(globs: &[String]) -> Result<FileFilter, String> {
        let mut by_name = GlobSetBuilder::new();
        let mut by_path = GlobSetBuilder::new();
        let (mut name_rules, mut path_rules) = (Vec::new(), Vec::new());
        for (order, given) in globs.iter().enumerate() {
            let (exclude, pattern) = match given.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, given.as_str()),
            };
            let directories_only = pattern.ends_with('/') && pattern.len() > 1;
            let pattern = pattern.strip_suffix('/').unwrap_or(pattern);
            let anchored = pattern.contains('/');
            let pattern = pattern.strip_prefix('/').unwrap_or(pattern);
            if pattern.is_empty() {
                return Err(format!("--glob '{given}': the glob is empty"));
            }
            let glob = GlobBuilder::new(pattern)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|err| format!("--glob '{given}': {}", err.kind()))?;
            let rule = Rule {
                order,
                exclude,
                directories_only,
            };
            if anchored {
                by_path.add(glob);
                path_rules.push(rule);
            } else {
                by_name.add(glob);
                name_rules.push(rule);
            }
        }
        let build = |builder: GlobSetBuilder| builder.build().map_err(|err| err.to_string());
        let any_include = name_rules.iter().chain(&path_rules).any(|r| !r.exclude);
        Ok(FileFilter {
            by_name: build(by_name)?,
            by_path: build(by_path)?,
            name_rules,
            path_rules,
            any_include,
        })
    }

    /// Whether a walked file, at `relative` under the walked directory, is read.
    pub fn admits_file(&self, relative: &Path) -> bool {
        match self.last_match(relative, false) {
            Some(rule) => !rule.exclude,
            None => !self.any_include,
        }
    }

    /// Whether a walked directory, at `relative` under the walked directory, is entered.
    pub fn admits_directory(&self, relative: &Path) -> bool {
        self.last_match(relative, true)
            .is_none_or(|rule| !rule.exclude)
    }

    /// The last glob given that matches the entry.
    fn last_match(&self, relative: &Path, is_directory: bool) -> Option<Rule> {
        let applies = |rule: &&Rule| is_directory || !rule.directories_only;
        let by_name = relative
            .file_name()
            .map_or_else(Vec::new, |name| self.by_name.matches(name));
        let by_path = self.by_path.matches(relative);
        let named = by_name.into_iter().map(|i| &self.name_rules[i]);
        let pathed = by_path.into_iter().map(|i| &self.path_rules[i]);
        named
            .chain(pathed)
            .filter(applies)
            .max_by_key(|rule| rule.order)
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(globs: &[&str]) -> FileFilter {
        let globs: Vec<String> = globs.iter().map(|g| g.to_string()).collect();
        FileFilter::new(&globs).unwrap()
    }

    fn admitted<'a>(filter: &FileFilter, paths: &[&'a str]) -> Vec<&'a str> {
        paths
            .iter()
            .copied()
            .filter(|p| filter.admits_file(Path::new(p)))
            .collect()
    }

    const FILES: [&str; 5] = [
        "a.txt",
        "README.md",
        "2024/b.txt",
        "2024/drafts/c.txt",
        "notes/d.md",
    ];

    #[test]
    fn no_glob_admits_everything() {
        assert_eq!(admitted(&filter(&[]), &FILES), FILES);
    }

    #[test]
    fn a_name_glob_matches_at_any_depth() {
        let txt = filter(&["*.txt"]);
        assert_eq!(
            admitted(&txt, &FILES),
            ["a.txt", "2024/b.txt", "2024/drafts/c.txt"]
        );
        assert!(
            txt.admits_directory(Path::new("notes")),
            "includes never prune"
        );
    }

    #[test]
    fn bang_excludes_and_the_last_glob_wins() {
        let no_md = filter(&["!*.md"]);
        assert_eq!(
            admitted(&no_md, &FILES),
            ["a.txt", "2024/b.txt", "2024/drafts/c.txt"]
        );
        let back_in = filter(&["!*.md", "README.md"]);
        assert_eq!(
            admitted(&back_in, &FILES),
            ["README.md"],
            "an include now exists"
        );
        let out_again = filter(&["*", "!*.md", "README.md"]);
        assert_eq!(
            admitted(&out_again, &FILES),
            ["a.txt", "README.md", "2024/b.txt", "2024/drafts/c.txt"]
        );
    }

    #[test]
    fn a_glob_with_a_slash_matches_the_path_under_the_root() {
        let year = filter(&["2024/*.txt"]);
        assert_eq!(admitted(&year, &FILES), ["2024/b.txt"], "* stops at /");
        let deep = filter(&["2024/**/*.txt"]);
        assert_eq!(admitted(&deep, &FILES), ["2024/b.txt", "2024/drafts/c.txt"]);
        let anchored = filter(&["/a.txt"]);
        assert_eq!(admitted(&anchored, &FILES), ["a.txt"]);
    }

    #[test]
    fn excluded_directories_are_pruned() {
        let no_drafts = filter(&["!drafts/"]);
        assert!(!no_drafts.admits_directory(Path::new("2024/drafts")));
        assert!(
            no_drafts.admits_file(Path::new("drafts")),
            "a file named drafts"
        );
        assert!(filter(&["!drafts"]).admits_directory(Path::new("2024")));
    }

    #[test]
    fn a_bad_glob_is_named_in_the_error() {
        let err = FileFilter::new(&["a[b".to_string()]).unwrap_err();
        assert!(err.starts_with("--glob 'a[b': "), "{err}");
        assert!(FileFilter::new(&["!".to_string()]).is_err());
    }
}
